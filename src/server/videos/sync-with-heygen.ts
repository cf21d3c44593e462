import "server-only";
import type { Video } from "@/generated/prisma/client";
import { isTerminal } from "@/lib/video";
import { db } from "@/server/db";
import { heygen } from "@/server/heygen-client";
import type { HeygenVideo } from "@/server/heygen/client";
import { HeygenError } from "@/server/heygen/failures";
import { logger } from "@/server/logger";
import { applyStatusChange, type StatusChange } from "./transition";

/** At most one HeyGen status call per video per this interval, whoever asks and on whichever instance. */
export const HEYGEN_CHECK_INTERVAL_MS = 10_000;

/** HeyGen's and our clocks may disagree this much when telling whether a HeyGen job is younger than our row. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Claims the right to ask HeyGen about an unfinished video now, held in the database so that every app
 * instance shares it: true for exactly one caller per interval.
 */
export async function claimHeygenCheck(videoId: string, intervalMs = HEYGEN_CHECK_INTERVAL_MS): Promise<boolean> {
  const now = new Date();
  const { count } = await db.video.updateMany({
    where: {
      id: videoId,
      status: { in: ["PENDING", "PROCESSING"] },
      OR: [{ heygenCheckedAt: null }, { heygenCheckedAt: { lt: new Date(now.getTime() - intervalMs) } }],
    },
    data: { heygenCheckedAt: now },
  });
  return count === 1;
}

export type SyncOutcome = "applied" | "unchanged" | "not_ours" | "heygen_unavailable";

/**
 * Asks HeyGen's API about a video and applies what it says through the one status-change function. For a row
 * that has no HeyGen id yet (its create answer was lost), `heygenVideoId` comes from an unverified source, so
 * HeyGen's own record must look like ours (made after our row, same title) before it is tied to our row.
 */
export async function syncWithHeygen(video: Video, heygenVideoId: string): Promise<SyncOutcome> {
  let remote: HeygenVideo;
  try {
    remote = await heygen.getVideo(heygenVideoId);
  } catch (error) {
    if (!(error instanceof HeygenError)) throw error;
    logger.warn({ videoId: video.id, heygenVideoId, err: error.message }, "could not check a video with HeyGen");
    return "heygen_unavailable";
  }
  if (video.heygenVideoId === null && !looksLikeOurs(video, remote)) return "not_ours";
  const { applied } = await applyStatusChange(video.id, statusChangeFrom(remote));
  return applied ? "applied" : "unchanged";
}

/** syncWithHeygen for a video known by id (a finished or vanished one is left alone). */
export async function syncVideoWithHeygen(videoId: string, heygenVideoId: string): Promise<SyncOutcome | "finished"> {
  const video = await db.video.findUnique({ where: { id: videoId } });
  if (!video || isTerminal(video.status)) return "finished";
  return syncWithHeygen(video, heygenVideoId);
}

/** HeyGen's record could be this row's job: made no earlier than our row (give or take clock skew), same title. */
export function looksLikeOurs(video: Video, remote: HeygenVideo): boolean {
  const madeAfterUs = remote.createdAt === null || remote.createdAt * 1000 >= video.createdAt.getTime() - CLOCK_SKEW_MS;
  const sameTitle = remote.title === null || remote.title === video.title;
  return madeAfterUs && sameTitle;
}

/** HeyGen's record of a video as a status change (a still-rendering video only gains PROCESSING). */
export function statusChangeFrom(remote: HeygenVideo): StatusChange {
  if (remote.state === "COMPLETED" && remote.videoUrl) {
    return {
      status: "COMPLETED",
      heygenVideoId: remote.id,
      videoUrl: remote.videoUrl,
      thumbnailUrl: remote.thumbnailUrl,
      subtitleUrl: remote.subtitleUrl,
      duration: remote.duration,
    };
  }
  if (remote.state === "FAILED") {
    return {
      status: "FAILED",
      heygenVideoId: remote.id,
      error: remote.failureMessage ?? "HeyGen reported that the video failed",
    };
  }
  return { status: "PROCESSING", heygenVideoId: remote.id };
}
