import "server-only";
import { toPublicVideo, type GalleryVideo } from "@/lib/video";
import { db } from "@/server/db";
import { withFreshMediaAll } from "@/server/media/fresh-media";
import { listedAt } from "./listed";
import { presentedByOf, PRESENTER_FIELDS } from "./presented-by";
import { decodeCursor, encodeCursor, NEWEST_FIRST, olderThan } from "./video-cursor";
import { storedMediaUrls } from "@/server/media/served-media";

/** Cards per gallery page: whole rows of the 1-, 2- and 3-column layouts. */
export const GALLERY_PAGE_SIZE = 24;

export type GalleryPage = {
  videos: GalleryVideo[];
  /** Where the next page starts (`?before=`), or null on the last page. */
  olderCursor: string | null;
};

/**
 * Completed, listed videos (public, and published by now), newest first, a page at a time. `before` is a cursor from an earlier page: the (createdAt, id)
 * of its last video, so videos made meanwhile never shift the pages and equal timestamps are neither skipped nor
 * repeated. Anything that is not such a cursor gives the first page.
 */
export async function galleryPage(before?: string | null): Promise<GalleryPage> {
  const cursor = before ? decodeCursor(before) : null;
  const rows = await db.video.findMany({
    where: { status: "COMPLETED", AND: [listedAt(), ...(cursor ? [olderThan(cursor)] : [])] },
    orderBy: NEWEST_FIRST,
    take: GALLERY_PAGE_SIZE + 1,
    include: PRESENTER_FIELDS,
  });
  const page = rows.slice(0, GALLERY_PAGE_SIZE);
  const last = page.at(-1);
  const presentedBy = presentedByOf();
  return {
    videos: (await withFreshMediaAll(page)).map((video) => ({
      ...toPublicVideo(video, { admin: false }, storedMediaUrls(video)),
      presentedBy: presentedBy(video),
    })),
    olderCursor: rows.length > GALLERY_PAGE_SIZE && last ? encodeCursor(last) : null,
  };
}
