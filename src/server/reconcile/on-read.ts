import "server-only";
import type { Video } from "@/generated/prisma/client";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { processWide } from "@/server/process-wide";
import { claimAndSync } from "@/server/sync/ask-heygen";
import { isDue } from "./due";

/**
 * When this process may next try to claim a video's check, so that a crowd polling from cache does not reach the
 * database.
 */
const nextAttempts = () => processWide("staleCheckNextAttempts", () => new Map<string, number>());
const MAX_TRACKED = 10_000;

/**
 * When someone reads a video that is due for a HeyGen check (no news for RECONCILE_AFTER_SECONDS, or completed without
 * its details that long): the check to run once the answer is sent, or null. The check claims the video in the
 * database first (so that a thousand pollers on any number of instances make one HeyGen call per interval), and each
 * instance tries that claim at most once per interval.
 */
export function staleCheckFor(video: Video, now = new Date()): (() => Promise<void>) | null {
  if (!isDue(video, now)) return null;
  const intervalMs = env.RECONCILE_AFTER_SECONDS * 1000;
  const nextAttempt = nextAttempts();
  if ((nextAttempt.get(video.id) ?? 0) > now.getTime()) return null;
  nextAttempt.delete(video.id); // re-inserted last: the Map's order is the eviction order
  nextAttempt.set(video.id, now.getTime() + intervalMs);
  if (nextAttempt.size > MAX_TRACKED) nextAttempt.delete(nextAttempt.keys().next().value!);
  return async () => {
    try {
      const outcome = await claimAndSync(video.id, { intervalMs });
      if (outcome !== "claimed_elsewhere")
        logger.info({ videoId: video.id, outcome }, "stale video checked with HeyGen on read");
    } catch (error) {
      logger.warn({ videoId: video.id, err: (error as Error).message }, "could not check a stale video with HeyGen");
    }
  };
}
