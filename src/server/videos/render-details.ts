import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import pLimit from "p-limit";
import { Prisma } from "@/generated/prisma/client";
import { runPrepared } from "@/server/db";
import { heygen } from "@/server/heygen-client";
import { logger } from "@/server/logger";
import { heygenConfigured } from "@/server/settings/credentials";
import { mediaExpiry } from "./media-expiry";

/**
 * At most this many render-detail calls to HeyGen at a time, per process: a burst of success webhooks (a catch-up,
 * a batch finishing) must not fire hundreds of simultaneous calls at HeyGen's API.
 */
export const RENDER_DETAIL_CALLS_AT_ONCE = 2;
/** Detail calls start only once no success webhook has asked for details for this long (a burst has paused)... */
export const RENDER_DETAILS_QUIET_MS = 250;
/** ...or at the latest this long after their own webhook. */
export const RENDER_DETAILS_MAX_WAIT_MS = 10_000;

const queue = pLimit(RENDER_DETAIL_CALLS_AT_ONCE);
let lastAskedAt = 0;

/**
 * A success webhook carries only the video URL. The poster, duration, captions and a freshly signed video URL
 * come from HeyGen's status endpoint, fetched after the webhook has been answered, a few videos at a time, once the
 * webhooks have paused (answering a burst of them comes first, and its details follow), and never more than
 * RENDER_DETAILS_MAX_WAIT_MS after the webhook. Resolves once this video's details are stored (or given up on).
 * Best effort: the video is already playable without them. Not a status change.
 */
export function recordRenderDetails(videoId: string, heygenVideoId: string): Promise<void> {
  lastAskedAt = Date.now();
  const deadline = lastAskedAt + RENDER_DETAILS_MAX_WAIT_MS;
  return queue(async () => {
    await webhooksPaused(deadline);
    await fetchAndStore(videoId, heygenVideoId);
  });
}

/** Resolves once no webhook has asked for details for RENDER_DETAILS_QUIET_MS, or at the deadline. */
async function webhooksPaused(deadline: number): Promise<void> {
  for (;;) {
    const until = Math.min(deadline, lastAskedAt + RENDER_DETAILS_QUIET_MS);
    if (Date.now() >= until) return;
    await sleep(until - Date.now());
  }
}

async function fetchAndStore(videoId: string, heygenVideoId: string): Promise<void> {
  try {
    // No API key (only a webhook secret is configured): the video plays without its details, and no warning each time.
    if (!(await heygenConfigured())) return;
    const remote = await heygen.getVideo(heygenVideoId);
    // One prepared statement: it runs for every success webhook.
    await runPrepared(Prisma.sql`
      UPDATE "Video" SET
        "thumbnailUrl" = COALESCE(${remote.thumbnailUrl}, "thumbnailUrl"),
        "subtitleUrl" = COALESCE(${remote.subtitleUrl}, "subtitleUrl"),
        "duration" = COALESCE(${remote.duration}::double precision, "duration"),
        "videoUrl" = COALESCE(${remote.videoUrl}, "videoUrl"),
        "mediaExpiresAt" = COALESCE(${mediaExpiry([remote.videoUrl, remote.thumbnailUrl, remote.subtitleUrl])}, "mediaExpiresAt"),
        "updatedAt" = ${new Date()}
      WHERE "id" = ${videoId} AND "status" = 'COMPLETED' AND "heygenVideoId" = ${heygenVideoId}`);
  } catch (error) {
    logger.warn({ videoId, heygenVideoId, err: (error as Error).message }, "no render details");
  }
}
