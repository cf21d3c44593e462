import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { absoluteMediaUrl, storedMediaOf, storedMediaUrls } from "@/server/media/served-media";
import { shareLinks } from "@/server/share/share-links";
import { describeVideo } from "@/server/share/share-metadata";
import { listedAt } from "@/server/video-lists/listed";

/** A listed video as feeds and sitemaps name it: every URL absolute on the deployment's origin, none expiring. */
export type FeedVideo = {
  id: string;
  title: string;
  description: string;
  watchUrl: string;
  embedUrl: string;
  thumbnailUrl: string;
  /** The MP4, and its size in bytes once our copy is stored (null until then: unknown). */
  media: { url: string; bytes: number | null };
  /** Seconds, as HeyGen reported it; null when it did not. */
  duration: number | null;
  /** When viewers could first see it. */
  publishedAt: Date;
};

const COLUMNS = {
  id: true,
  title: true,
  description: true,
  duration: true,
  videoUrl: true,
  thumbnailUrl: true,
  subtitleUrl: true,
  storedMedia: true,
  publishedAt: true,
  publishAt: true,
  completedAt: true,
  createdAt: true,
} satisfies Prisma.VideoSelect;
type Row = Prisma.VideoGetPayload<{ select: typeof COLUMNS }>;

/**
 * The newest finished, listed videos (public, and their publish moment come: `listedAt`, the gallery's rule), most
 * recently published first. A video whose moment has just come but whose publish job has not yet run (no publishedAt
 * for a few seconds) is the newest of all. Reads only the database: never HeyGen, whatever the number of rows.
 */
export async function newestListedVideos(limit: number, origin: string): Promise<FeedVideo[]> {
  const rows = await db.video.findMany({
    where: { status: "COMPLETED", ...listedAt() },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: COLUMNS,
  });
  return rows.map((row) => feedVideo(row, origin));
}

/**
 * Our stored files once copied (content-addressed, cacheable for ever); until then the app's own stable URLs: the
 * thumbnail route, and the download route that sends players to HeyGen's freshly signed MP4. HeyGen's presigned URLs
 * expire within days, too soon for a feed reader or a search engine to keep.
 */
function feedVideo(row: Row, origin: string): FeedVideo {
  const links = shareLinks(origin, row.id);
  const stored = storedMediaOf(row);
  const urls = storedMediaUrls(row);
  return {
    id: row.id,
    title: row.title,
    description: describeVideo(row),
    watchUrl: links.watch,
    embedUrl: links.embed,
    thumbnailUrl: stored && urls.thumbnailUrl ? absoluteMediaUrl(urls.thumbnailUrl, origin) : links.thumbnail,
    media:
      stored && urls.videoUrl
        ? { url: absoluteMediaUrl(urls.videoUrl, origin), bytes: stored.files.video.bytes }
        : { url: `${origin}/media/${row.id}/download`, bytes: null },
    duration: row.duration,
    publishedAt: row.publishedAt ?? row.publishAt ?? row.completedAt ?? row.createdAt,
  };
}
