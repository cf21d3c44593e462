import "server-only";
import { db } from "@/server/db";
import { toPublicVideo, type PublicVideo } from "@/lib/video";

const LIST_LIMIT = 100;

export async function findPublicVideo(id: string): Promise<PublicVideo | null> {
  const video = await db.video.findUnique({ where: { id } });
  return video ? toPublicVideo(video) : null;
}

/** Newest first: only completed videos for the public, every video for an admin. */
export async function listVideos({ includeUnfinished }: { includeUnfinished: boolean }): Promise<PublicVideo[]> {
  const videos = await db.video.findMany({
    where: includeUnfinished ? {} : { status: "COMPLETED" },
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
  });
  return videos.map(toPublicVideo);
}
