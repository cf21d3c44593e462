import "server-only";
import { AppError } from "@/server/errors";
import { findVideo } from "@/server/watch/find-video";

/** Longest a redirect to a presigned thumbnail may be cached (findVideo serves URLs valid for an hour at least). */
const REDIRECT_MAX_AGE_SECONDS = 600;

/**
 * A video's thumbnail (only finished ones have one) as a fresh presigned URL, and how long a redirect to it may be
 * cached (0: not at all). Share previews point at the app's stable thumbnail URL, which outlives every presigned one.
 */
export async function freshThumbnail(id: string): Promise<{ url: string; maxAgeSeconds: number }> {
  const video = await findVideo(id);
  if (!video?.thumbnailUrl) throw new AppError("not_found", "This video has no thumbnail.");
  const secondsLeft = Math.floor(((video.mediaExpiresAt?.getTime() ?? 0) - Date.now()) / 1000);
  return { url: video.thumbnailUrl, maxAgeSeconds: Math.max(0, Math.min(REDIRECT_MAX_AGE_SECONDS, secondsLeft)) };
}
