import "server-only";
import { toPublicVideo, type PublicVideo } from "@/lib/video";
import { db } from "@/server/db";
import { withFreshMediaAll } from "@/server/media/fresh-media";
import { storedMediaUrls } from "@/server/media/served-media";
import { listedAt } from "./listed";

const LIST_LIMIT = 100;

/**
 * The latest videos, newest first (GET /api/videos): only completed, listed ones for the public (listed.ts), every
 * video for an admin.
 */
export async function latestVideos({ includeUnfinished }: { includeUnfinished: boolean }): Promise<PublicVideo[]> {
  const videos = await db.video.findMany({
    where: includeUnfinished ? {} : { status: "COMPLETED", ...listedAt() },
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
  });
  return (await withFreshMediaAll(videos)).map((video) =>
    toPublicVideo(video, { admin: includeUnfinished }, storedMediaUrls(video)),
  );
}
