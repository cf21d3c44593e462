import "server-only";
import { db } from "@/server/db";
import { enqueuePublicMediaSyncs } from "@/server/queue/public-media-jobs";
import { belongsPublic } from "./public-media";

/** Videos a sweep enqueues at most: the next minute's sweep takes the next ones. */
const SWEEP_BATCH = 500;

/**
 * Enqueues a public media sync of every video whose public copy is not what its visibility says: a scheduled video
 * whose moment came, a job lost between a change and its enqueue or killed mid-way, and, after the upgrade that
 * brought public copies, every video viewers could already see. Returns how many it enqueued (or found queued).
 */
export async function sweepPublicMedia(now = new Date()): Promise<number> {
  const videos = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Video"
    WHERE ("publicMediaAt" IS NULL AND ${belongsPublic(now)})
       OR ("publicMediaAt" IS NOT NULL AND NOT ${belongsPublic(now)})
    ORDER BY "publishAt" ASC NULLS FIRST LIMIT ${SWEEP_BATCH}`;
  await enqueuePublicMediaSyncs(videos.map((video) => video.id));
  return videos.length;
}
