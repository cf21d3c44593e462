import "server-only";
import type { Video } from "@/generated/prisma/client";
import { toPublicVideo, type PublicVideo } from "@/lib/video";
import { db } from "@/server/db";
import { withFreshMedia, withFreshMediaAll } from "@/server/media/fresh-media";
import { videoCache } from "./video-cache";

const LIST_LIMIT = 100;

/** Our ids are cuid2s: anything else (NUL bytes, SQL, paths) is not one, and is answered 404 without a query. */
export const isVideoId = (id: string) => /^[a-z0-9]{20,40}$/.test(id);

/**
 * One video as viewers see it (its page, embed, captions): from the in-process cache that changes drop, with media
 * URLs valid for an hour at least.
 */
export async function findVideo(id: string, options: { forceFreshMedia?: boolean } = {}): Promise<Video | null> {
  if (!isVideoId(id)) return null;
  const video = await videoCache.read(id);
  return video && withFreshMedia(video, { force: options.forceFreshMedia });
}

/** Newest first: only completed videos for the public, every video for an admin. */
export async function listVideos({ includeUnfinished }: { includeUnfinished: boolean }): Promise<PublicVideo[]> {
  const videos = await db.video.findMany({
    where: includeUnfinished ? {} : { status: "COMPLETED" },
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
  });
  return (await withFreshMediaAll(videos)).map((video) => toPublicVideo(video, { admin: includeUnfinished }));
}
