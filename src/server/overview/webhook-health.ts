import "server-only";
import type { WebhookHealth } from "@/lib/overview";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { webhookSecret } from "@/server/settings/credentials";

const DAY_MS = 24 * 3600 * 1000;

type Row = { lastVerifiedAt: Date | null; rejectedLastDay: number; lastRejection: string | null };

/**
 * Whether HeyGen's webhooks can reach this app and be trusted: the signing secret, the last delivery whose signature
 * was verified (outcome anything but "rejected"), and recent refusals: a run of bad signatures means a wrong secret.
 */
export async function webhookHealth(now: Date): Promise<WebhookHealth> {
  const since = new Date(now.getTime() - DAY_MS);
  const [secret, [row]] = await Promise.all([
    webhookSecret(),
    // One round, each part served by the receivedAt index.
    db.$queryRaw<Row[]>`
      SELECT
        (SELECT "receivedAt" FROM "WebhookDelivery"
          WHERE "scheme" IN ('signed_v3', 'signed_legacy') AND "outcome" <> 'rejected'
          ORDER BY "receivedAt" DESC LIMIT 1) AS "lastVerifiedAt",
        (SELECT count(*)::int FROM "WebhookDelivery"
          WHERE "outcome" = 'rejected' AND "receivedAt" >= ${since}) AS "rejectedLastDay",
        (SELECT "detail" FROM "WebhookDelivery"
          WHERE "outcome" = 'rejected' AND "receivedAt" >= ${since}
          ORDER BY "receivedAt" DESC LIMIT 1) AS "lastRejection"`,
  ]);
  return {
    secretSource: secret?.source ?? null,
    appUrl: env.APP_URL ?? null,
    appUrlWarning: appUrlWarning(env.APP_URL),
    lastVerifiedAt: row?.lastVerifiedAt?.toISOString() ?? null,
    rejectedLastDay: row?.rejectedLastDay ?? 0,
    lastRejection: row?.lastRejection ?? null,
  };
}

function appUrlWarning(appUrl: string | undefined): string | null {
  if (!appUrl) return "APP_URL is not set, so HeyGen cannot call back: videos finish only by polling HeyGen.";
  if (new URL(appUrl).protocol !== "https:") {
    return `APP_URL (${appUrl}) is not https: HeyGen posts results only to a public https URL, so videos finish only by polling HeyGen.`;
  }
  return null;
}
