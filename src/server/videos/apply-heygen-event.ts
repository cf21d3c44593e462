import "server-only";
import { db } from "@/server/db";
import { getVideoStatus } from "@/server/heygen/client";
import type { HeygenVideoEvent } from "@/server/heygen/webhook-event";
import { applyStatusChange } from "./transition";

export type EventOutcome = "applied" | "unchanged" | "unknown_video" | "ignored_event";

/**
 * Applies a verified HeyGen webhook. The video is found by HeyGen's id, or else by our id echoed
 * back as callback_id (the generate request may not have stored HeyGen's id yet).
 */
export async function applyHeygenEvent(event: HeygenVideoEvent): Promise<EventOutcome> {
  if (event.kind === "ignored") return "ignored_event";

  const video = await findVideo(event.videoId, event.callbackId);
  if (!video) return "unknown_video";

  const { applied } =
    event.kind === "success"
      ? await applyStatusChange(video.id, {
          status: "COMPLETED",
          heygenVideoId: event.videoId,
          videoUrl: event.videoUrl,
        })
      : await applyStatusChange(video.id, { status: "FAILED", heygenVideoId: event.videoId, error: event.message });

  if (applied && event.kind === "success") await addRenderDetails(video.id, event.videoId);
  return applied ? "applied" : "unchanged";
}

async function findVideo(heygenVideoId: string, callbackId: string | null) {
  const byHeygenId = await db.video.findUnique({ where: { heygenVideoId } });
  if (byHeygenId || !callbackId) return byHeygenId;
  const byCallbackId = await db.video.findUnique({ where: { id: callbackId } });
  // A row already tied to another HeyGen job is not this event's video.
  return byCallbackId && byCallbackId.heygenVideoId === null ? byCallbackId : null;
}

const DETAILS_TIMEOUT_MS = 3_000;

/**
 * The success event carries only the video URL. The thumbnail (the player's poster) and duration
 * come from the status endpoint; best effort, since the video is already playable without them.
 */
async function addRenderDetails(videoId: string, heygenVideoId: string): Promise<void> {
  try {
    const status = await getVideoStatus(heygenVideoId, DETAILS_TIMEOUT_MS);
    await db.video.update({
      where: { id: videoId },
      data: { thumbnailUrl: status.thumbnailUrl, duration: status.duration },
    });
  } catch (error) {
    console.warn(`[videos] no render details for ${videoId}: ${(error as Error).message}`);
  }
}
