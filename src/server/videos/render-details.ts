import "server-only";
import { db } from "@/server/db";
import { heygen } from "@/server/heygen";
import { logger } from "@/server/logger";
import { mediaExpiry } from "./media-expiry";

/**
 * A success webhook carries only the video URL. The poster, duration, captions and a freshly signed video URL
 * come from HeyGen's status endpoint, fetched after the webhook has been answered. Best effort: the video is
 * already playable without them. Not a status change: it only fills in a COMPLETED video.
 */
export async function recordRenderDetails(videoId: string, heygenVideoId: string): Promise<void> {
  try {
    const remote = await heygen.getVideo(heygenVideoId);
    await db.video.updateMany({
      where: { id: videoId, status: "COMPLETED", heygenVideoId },
      data: {
        thumbnailUrl: remote.thumbnailUrl ?? undefined,
        subtitleUrl: remote.subtitleUrl ?? undefined,
        duration: remote.duration ?? undefined,
        videoUrl: remote.videoUrl ?? undefined,
        mediaExpiresAt: mediaExpiry([remote.videoUrl, remote.thumbnailUrl, remote.subtitleUrl]) ?? undefined,
      },
    });
  } catch (error) {
    logger.warn({ videoId, heygenVideoId, err: (error as Error).message }, "no render details");
  }
}
