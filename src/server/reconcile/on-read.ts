import "server-only";
import type { Video } from "@/generated/prisma/client";
import { isTerminal } from "@/lib/video";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { claimHeygenCheck } from "@/server/videos/sync-with-heygen";
import { checkVideo } from "./check-video";
import { staleBefore } from "./reconcile-due";

/**
 * When someone polls an unfinished video with no news for RECONCILE_AFTER_SECONDS: claim the check in the database
 * (so that a thousand pollers on any number of instances make one HeyGen call per interval) and return the check
 * to run once the answer is sent; null when there is nothing to do or another caller holds the claim.
 */
export async function staleCheckFor(video: Video, now = new Date()): Promise<(() => Promise<void>) | null> {
  if (isTerminal(video.status)) return null;
  const lastNews = video.heygenCheckedAt ?? video.createdAt;
  if (lastNews >= staleBefore(now)) return null;
  if (!(await claimHeygenCheck(video.id, env.RECONCILE_AFTER_SECONDS * 1000))) return null;
  return async () => {
    const outcome = await checkVideo(video);
    logger.info({ videoId: video.id, outcome }, "stale video checked with HeyGen on read");
  };
}
