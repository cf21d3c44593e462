import "server-only";
import { toPublicVideo, type PublicVideo } from "@/lib/video";
import { db } from "@/server/db";
import { withFreshMediaAll } from "@/server/media/fresh-media";
import { listedAt } from "./listed";
import { NEWEST_FIRST } from "./video-cursor";
import { storedMediaUrls } from "@/server/media/served-media";

/** "More videos" under a watch page: one row of the gallery's widest layout. */
export const MORE_VIDEOS_COUNT = 3;

/** Other finished, listed videos, newest first, as the gallery shows them: what to watch next. */
export async function moreVideos(excludeId: string): Promise<PublicVideo[]> {
  const rows = await db.video.findMany({
    where: { status: "COMPLETED", id: { not: excludeId }, ...listedAt() },
    orderBy: NEWEST_FIRST,
    take: MORE_VIDEOS_COUNT,
  });
  return (await withFreshMediaAll(rows)).map((video) => toPublicVideo(video, { admin: false }, storedMediaUrls(video)));
}
