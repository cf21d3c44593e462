import "server-only";
import { db } from "@/server/db";
import { enqueueMediaCopies } from "@/server/queue/media-copy-jobs";

/** Videos a sweep enqueues at most (oldest first): the next minute's sweep takes the next ones. */
const SWEEP_BATCH = 500;

/**
 * Enqueues a copy of every COMPLETED video not yet stored and not given up: a job lost between a status change and
 * its enqueue, and videos completed before copies existed. Jobs are deduplicated per video, so a sweep never doubles
 * one. Returns how many were enqueued (or already queued).
 */
export async function sweepMediaCopies(): Promise<number> {
  const videos = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Video"
    WHERE "status" = 'COMPLETED' AND "storedMedia" IS NULL AND "mediaCopyFailedAt" IS NULL
    ORDER BY "completedAt" ASC NULLS FIRST LIMIT ${SWEEP_BATCH}`;
  await enqueueMediaCopies(videos.map((video) => video.id));
  return videos.length;
}
