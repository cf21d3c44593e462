import "server-only";
import type { Video } from "@/generated/prisma/client";
import { withFreshMedia } from "@/server/media/fresh-media";
import { isVideoId } from "@/server/videos/video-id";
import { videoCache } from "./video-cache";

/**
 * One video as viewers see it (its page, embed, captions): from the in-process cache that changes drop, with media
 * URLs valid for an hour at least.
 */
export async function findVideo(id: string, options: { forceFreshMedia?: boolean } = {}): Promise<Video | null> {
  if (!isVideoId(id)) return null;
  const video = await videoCache.read(id);
  return video && withFreshMedia(video, { force: options.forceFreshMedia });
}
