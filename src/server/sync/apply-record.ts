import "server-only";
import type { HeygenVideo } from "@/server/heygen/client";
import { enqueueMediaCopyOf } from "@/server/queue/media-copy-jobs";
import { writeMedia, type RenderMedia } from "@/server/videos/render-media";
import { applyStatusChange, type StatusChange } from "@/server/videos/transition";
import type { ClaimedVideo } from "./claim";

/** HeyGen's and our clocks may disagree this much when telling whether a HeyGen job is younger than our row. */
const CLOCK_SKEW_MS = 60_000;

export type RecordOutcome = "finished" | "rendering" | "details_landed" | "unchanged" | "not_ours";

/**
 * Applies HeyGen's record of a video (GET /v3/videos/{id}) to our row: its status through the one status-change
 * function, its media in the same write when it completes it, or in one media write when the row is already
 * COMPLETED (a webhook brought the video URL alone: the record adds the poster, length, captions and fresh URLs).
 * A row with no HeyGen id yet (its create answer was lost) takes the record only if it looks like ours.
 */
export async function applyRecord(video: ClaimedVideo, remote: HeygenVideo): Promise<RecordOutcome> {
  if (video.heygenVideoId === null && !looksLikeOurs(video, remote)) return "not_ours";
  if (video.status !== "COMPLETED") {
    const change = statusChangeFrom(remote);
    const { applied, video: row } = await applyStatusChange(video.id, change);
    if (applied) {
      // Completed here (a status check, a reconciliation): its record carries the details, so the copy can start.
      if (change.status === "COMPLETED") await enqueueMediaCopyOf(video.id);
      return change.status === "PROCESSING" ? "rendering" : "finished";
    }
    // Refused: still rendering, failed, or completed meanwhile by a webhook, whose URL alone the record completes.
    if (row?.status !== "COMPLETED") return remote.state === "PROCESSING" ? "rendering" : "unchanged";
  }
  const media = mediaOf(remote);
  if (!media) return "unchanged";
  return (await writeMedia(video.id, remote.id, media, video)) ? "details_landed" : "unchanged";
}

/** HeyGen's record could be this row's job: made no earlier than our row (give or take clock skew), same title. */
export function looksLikeOurs(video: Pick<ClaimedVideo, "createdAt" | "title">, remote: HeygenVideo): boolean {
  const madeAfterUs = remote.createdAt === null || remote.createdAt * 1000 >= video.createdAt.getTime() - CLOCK_SKEW_MS;
  const sameTitle = remote.title === null || remote.title === video.title;
  return madeAfterUs && sameTitle;
}

/** HeyGen's record of a video as a status change (a still-rendering video only gains PROCESSING). */
function statusChangeFrom(remote: HeygenVideo): StatusChange {
  const media = mediaOf(remote);
  if (media) return { status: "COMPLETED", heygenVideoId: remote.id, media };
  if (remote.state === "FAILED") {
    return {
      status: "FAILED",
      heygenVideoId: remote.id,
      error: remote.failureMessage ?? "HeyGen reported that the video failed",
    };
  }
  return { status: "PROCESSING", heygenVideoId: remote.id };
}

/** The media of a finished render, from HeyGen's own record: its details. Null until it has a video URL. */
function mediaOf(remote: HeygenVideo): RenderMedia | null {
  if (remote.state !== "COMPLETED" || !remote.videoUrl) return null;
  const { videoUrl, thumbnailUrl, subtitleUrl, duration } = remote;
  return { videoUrl, thumbnailUrl, subtitleUrl, duration, details: true };
}
