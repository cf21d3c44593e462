import "server-only";
import { webhookStatus, type WebhookFacts } from "@/lib/webhook-status";
import { db } from "@/server/db";
import { isDemoMode } from "@/server/demo-mode";
import { env } from "@/server/env";
import { webhookSecret } from "./credentials";

/** The last delivery whose signature was verified, as recorded in the delivery log (30 days). */
export async function lastVerifiedEventAt(): Promise<string | null> {
  // Served by the receivedAt index. Refused deliveries are no longer stored; older rows may still say "rejected".
  const row = await db.webhookDelivery.findFirst({
    where: { scheme: { in: ["signed_v3", "signed_legacy"] }, outcome: { not: "rejected" } },
    orderBy: { receivedAt: "desc" },
    select: { receivedAt: true },
  });
  return row?.receivedAt.toISOString() ?? null;
}

/** What the webhook's wording is decided from: the configuration and the recorded verified events. */
export async function webhookFacts(): Promise<WebhookFacts> {
  const [secret, lastVerifiedAt] = await Promise.all([webhookSecret(), lastVerifiedEventAt()]);
  return {
    appUrl: env.APP_URL ?? null,
    secretSource: secret?.source ?? null,
    lastVerifiedAt,
    heygenOnThisMachine: isDemoMode(),
  };
}

/** Why registering the callback URL cannot work (no APP_URL, or one this HeyGen cannot post to); null when it can. */
export function registrationProblem(): string | null {
  const target = webhookStatus({
    appUrl: env.APP_URL ?? null,
    secretSource: "environment", // Registering is about the address alone.
    lastVerifiedAt: null,
    heygenOnThisMachine: isDemoMode(),
  });
  return target.registrable ? null : target.problem;
}
