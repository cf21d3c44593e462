import "server-only";
import type { Video } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";
import { publicVideoCacheControl } from "@/server/http/public-cache";
import { absoluteMediaUrl, storedMediaOf, storedMediaUrls } from "./served-media";

/**
 * A video's thumbnail (only finished ones have one; pass it as findVideo serves it, with fresh URLs) and the
 * redirect's Cache-Control: brief (the video may be deleted), never past the presigned URL's expiry. Share previews
 * point at the app's stable thumbnail URL, which outlives every presigned one. Once stored, it is our own copy's URL.
 */
export function thumbnailRedirect(
  video: Pick<Video, "id" | "videoUrl" | "thumbnailUrl" | "subtitleUrl" | "storedMedia" | "mediaExpiresAt"> | null,
  origin: string,
): { url: string; cacheControl: string } {
  const url = video && storedMediaUrls(video).thumbnailUrl;
  if (!video || !url) throw new AppError("not_found", "This video has no thumbnail.");
  if (storedMediaOf(video)) return { url: absoluteMediaUrl(url, origin), cacheControl: publicVideoCacheControl() };
  const secondsLeft = Math.floor(((video.mediaExpiresAt?.getTime() ?? 0) - Date.now()) / 1000);
  return { url, cacheControl: publicVideoCacheControl(secondsLeft) };
}
