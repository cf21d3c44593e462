import "server-only";
import type { Video } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";
import { publicVideoCacheControl } from "@/server/http/public-cache";

/**
 * A video's thumbnail (only finished ones have one; pass it as findVideo serves it, with fresh URLs) and the
 * redirect's Cache-Control: brief (the video may be deleted), never past the presigned URL's expiry. Share previews
 * point at the app's stable thumbnail URL, which outlives every presigned one.
 */
export function thumbnailRedirect(video: Pick<Video, "thumbnailUrl" | "mediaExpiresAt"> | null): {
  url: string;
  cacheControl: string;
} {
  if (!video?.thumbnailUrl) throw new AppError("not_found", "This video has no thumbnail.");
  const secondsLeft = Math.floor(((video.mediaExpiresAt?.getTime() ?? 0) - Date.now()) / 1000);
  return { url: video.thumbnailUrl, cacheControl: publicVideoCacheControl(secondsLeft) };
}
