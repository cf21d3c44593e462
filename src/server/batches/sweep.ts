import "server-only";
import { db } from "@/server/db";
import { stalledAfterMs } from "./claim-item";
import { enqueueItems } from "./queue";

/** A queued item untouched this long may have lost its job (a fresh one has its job, or is just getting it). */
const LOST_JOB_AFTER_MS = 2 * 60_000;

/**
 * Gives every item that should be moving a job again: the queued items of running batches untouched for 2 minutes
 * (their job may have been lost between a trigger's commit and its enqueue, or have run out of retries), and items a
 * dead worker left mid-send (their job settles them). Jobs are deduplicated per item, so a sweep never doubles one.
 */
export async function sweepBatches(): Promise<number> {
  const now = Date.now();
  const stalledBefore = new Date(now - stalledAfterMs());
  const items = await db.batchItem.findMany({
    where: {
      OR: [
        { status: "QUEUED", batch: { status: "RUNNING" }, updatedAt: { lt: new Date(now - LOST_JOB_AFTER_MS) } },
        { status: "SUBMITTING", submittedAt: { lt: stalledBefore } },
      ],
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  await enqueueItems(items.map((item) => item.id));
  return items.length;
}
