import "server-only";
import type { TurnedAwayFigure, TurnedAwayReason } from "@/lib/overview";
import { db } from "@/server/db";
import { logger } from "@/server/logger";

const MINUTE_MS = 60_000;

/**
 * Counts a post to /api/heygen/callback that is not stored: a refused one, or an unsigned one naming no known video.
 * Anyone can send those as fast as they like, so each adds 1 to its minute's row (one upsert: every instance adds
 * to the same count) instead of a row of its own. Best effort: the answer does not depend on it.
 */
export async function countTurnedAway(reason: TurnedAwayReason, now = new Date()): Promise<void> {
  const minute = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
  try {
    await db.$executeRaw`
      INSERT INTO "WebhookTurnedAway" ("minute", "reason", "count") VALUES (${minute}, ${reason}, 1)
      ON CONFLICT ("minute", "reason") DO UPDATE SET "count" = "WebhookTurnedAway"."count" + 1`;
  } catch (error) {
    logger.warn({ err: (error as Error).message, reason }, "could not count a turned-away webhook post");
  }
}

/** Per reason since `since`: how many, the busiest minute and the latest minute; most first. */
export async function turnedAwaySince(since: Date): Promise<TurnedAwayFigure[]> {
  const rows = await db.webhookTurnedAway.groupBy({
    by: ["reason"],
    where: { minute: { gte: new Date(Math.floor(since.getTime() / MINUTE_MS) * MINUTE_MS) } },
    _sum: { count: true },
    _max: { count: true, minute: true },
  });
  return rows
    .map((row) => ({
      reason: row.reason as TurnedAwayReason,
      count: row._sum.count ?? 0,
      busiestMinute: row._max.count ?? 0,
      lastAt: (row._max.minute ?? since).toISOString(),
    }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** Deletes the counts of minutes before `before`; returns how many rows. */
export async function pruneTurnedAway(before: Date): Promise<number> {
  const { count } = await db.webhookTurnedAway.deleteMany({ where: { minute: { lt: before } } });
  return count;
}
