import "server-only";
import { TURNED_AWAY_LABELS, UNMATCHED_REASONS, type TurnedAwayFigure, type WebhookHealth } from "@/lib/overview";
import { webhookStatus } from "@/lib/webhook-status";
import { webhookFacts } from "@/server/settings/webhook-status";
import { turnedAwaySince } from "@/server/webhooks/turned-away";

const DAY_MS = 24 * 3600 * 1000;

/**
 * Whether HeyGen's webhooks can reach this app and be trusted: the signing secret, the last delivery whose signature
 * was verified, and the posts turned away in the last day (counted per minute, not stored): a run of bad signatures
 * means a wrong secret; unsigned posts for no known video are somebody else's noise.
 */
export async function webhookHealth(now: Date): Promise<WebhookHealth> {
  const [facts, turnedAway] = await Promise.all([webhookFacts(), turnedAwaySince(new Date(now.getTime() - DAY_MS))]);
  const refused = turnedAway.filter((figure) => !UNMATCHED_REASONS.includes(figure.reason));
  const latest = refused.reduce<TurnedAwayFigure | null>((a, b) => (a && a.lastAt >= b.lastAt ? a : b), null);
  return {
    secretSource: facts.secretSource,
    lastVerifiedAt: facts.lastVerifiedAt,
    status: webhookStatus(facts, now.getTime()),
    rejectedLastDay: refused.reduce((sum, figure) => sum + figure.count, 0),
    lastRejection: latest ? TURNED_AWAY_LABELS[latest.reason] : null,
    turnedAwayLastDay: turnedAway,
  };
}
