import "server-only";
import { withFreshMedia } from "@/server/media/fresh-media";
import { isVideoId } from "@/server/videos/video-id";
import { videoCache, type CachedVideo } from "./video-cache";
import { gateVideo, type AdminCheck } from "./viewer-gate";

/**
 * One video as whoever asks may see it (its page, embed, captions): from the in-process cache that changes drop,
 * with media URLs valid for an hour at least; null when there is no such video or viewers may not see it and the
 * asker is no admin (viewer-gate.ts). Its finished translations come with it (their media as the cache read them).
 */
export async function findVideo(
  id: string,
  options: { admin: AdminCheck; forceFreshMedia?: boolean },
): Promise<CachedVideo | null> {
  if (!isVideoId(id)) return null;
  const video = await gateVideo(await videoCache.read(id), options.admin);
  if (!video) return null;
  const fresh = await withFreshMedia(video, { force: options.forceFreshMedia });
  return fresh === video ? video : { ...fresh, translations: video.translations };
}
