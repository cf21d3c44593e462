import "server-only";
import { queue, SUBMIT_QUEUE } from "@/server/queue/boss";

export { queue, SUBMIT_QUEUE, SWEEP_QUEUE } from "@/server/queue/boss";

export type SubmitJob = { itemId: string };

/** Enqueues one submit job per item (deduplicated per item), to start after `startAfterSeconds`. */
export async function enqueueItems(itemIds: string[], startAfterSeconds = 0): Promise<void> {
  if (itemIds.length === 0) return;
  const boss = await queue();
  await boss.insert(
    itemIds.map((itemId) => ({
      name: SUBMIT_QUEUE,
      data: { itemId } satisfies SubmitJob,
      singletonKey: itemId,
      ...(startAfterSeconds > 0 && { startAfter: new Date(Date.now() + startAfterSeconds * 1000).toISOString() }),
    })),
  );
}
