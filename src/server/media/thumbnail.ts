import "server-only";
import type { Video } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";

/** Longest a redirect to a presigned thumbnail may be cached (findVideo serves URLs valid for an hour at least). */
const REDIRECT_MAX_AGE_SECONDS = 600;

/**
 * A video's thumbnail (only finished ones have one; pass it as findVideo serves it, with fresh URLs) and how long a
 * redirect to it may be cached (0: not at all). Share previews point at the app's stable thumbnail URL, which outlives
 * every presigned one.
 */
export function thumbnailRedirect(video: Pick<Video, "thumbnailUrl" | "mediaExpiresAt"> | null): {
  url: string;
  maxAgeSeconds: number;
} {
  if (!video?.thumbnailUrl) throw new AppError("not_found", "This video has no thumbnail.");
  const secondsLeft = Math.floor(((video.mediaExpiresAt?.getTime() ?? 0) - Date.now()) / 1000);
  return { url: video.thumbnailUrl, maxAgeSeconds: Math.max(0, Math.min(REDIRECT_MAX_AGE_SECONDS, secondsLeft)) };
}
