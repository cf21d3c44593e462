import "server-only";
import { TURNED_AWAY_LABELS, UNMATCHED_REASONS, type TurnedAwayFigure, type WebhookHealth } from "@/lib/overview";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { webhookSecret } from "@/server/settings/credentials";
import { turnedAwaySince } from "@/server/webhooks/turned-away";

const DAY_MS = 24 * 3600 * 1000;

/**
 * Whether HeyGen's webhooks can reach this app and be trusted: the signing secret, the last delivery whose signature
 * was verified, and the posts turned away in the last day (counted per minute, not stored): a run of bad signatures
 * means a wrong secret; unsigned posts for no known video are somebody else's noise.
 */
export async function webhookHealth(now: Date): Promise<WebhookHealth> {
  const [secret, lastVerified, turnedAway] = await Promise.all([
    webhookSecret(),
    // Served by the receivedAt index. Refused deliveries are no longer stored; older rows may still say "rejected".
    db.webhookDelivery.findFirst({
      where: { scheme: { in: ["signed_v3", "signed_legacy"] }, outcome: { not: "rejected" } },
      orderBy: { receivedAt: "desc" },
      select: { receivedAt: true },
    }),
    turnedAwaySince(new Date(now.getTime() - DAY_MS)),
  ]);
  const refused = turnedAway.filter((figure) => !UNMATCHED_REASONS.includes(figure.reason));
  const latest = refused.reduce<TurnedAwayFigure | null>((a, b) => (a && a.lastAt >= b.lastAt ? a : b), null);
  return {
    secretSource: secret?.source ?? null,
    appUrl: env.APP_URL ?? null,
    appUrlWarning: appUrlWarning(env.APP_URL),
    lastVerifiedAt: lastVerified?.receivedAt.toISOString() ?? null,
    rejectedLastDay: refused.reduce((sum, figure) => sum + figure.count, 0),
    lastRejection: latest ? TURNED_AWAY_LABELS[latest.reason] : null,
    turnedAwayLastDay: turnedAway,
  };
}

function appUrlWarning(appUrl: string | undefined): string | null {
  if (!appUrl) return "APP_URL is not set, so HeyGen cannot call back: videos finish only by polling HeyGen.";
  if (new URL(appUrl).protocol !== "https:") {
    return `APP_URL (${appUrl}) is not https: HeyGen posts results only to a public https URL, so videos finish only by polling HeyGen.`;
  }
  return null;
}
