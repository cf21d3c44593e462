import "server-only";
import { logger } from "@/server/logger";
import { enqueueItems, queue, SUBMIT_QUEUE, SWEEP_QUEUE, type SubmitJob } from "./queue";
import { submitItem } from "./submit-item";
import { sweepBatches } from "./sweep";

/**
 * Works the batch queue in this process: one item at a time (the pace and the in-flight cap are shared by every
 * worker through the database), and the minute's sweep on whichever instance pg-boss picks. Returns a stop function
 * that lets the job in hand finish.
 */
export async function startWorker(): Promise<() => Promise<void>> {
  const boss = await queue();
  const inHand = new Set<Promise<void>>();
  const work = async (itemId: string) => {
    const outcome = await submitItem(itemId);
    if (outcome.kind === "later") await enqueueItems([itemId], outcome.seconds);
  };
  await boss.work<SubmitJob>(SUBMIT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    const running = work(job!.data.itemId);
    inHand.add(running);
    await running.finally(() => inHand.delete(running));
  });
  await boss.work(SWEEP_QUEUE, async () => {
    const swept = await sweepBatches();
    if (swept) logger.info({ swept }, "batch sweep re-enqueued items");
  });
  await boss.schedule(SWEEP_QUEUE, "* * * * *");
  // At start-up too: a restarted worker picks up where the last one stopped without waiting for the minute.
  await sweepBatches();
  logger.info("batch queue worker started");
  return async () => {
    await boss.offWork(SUBMIT_QUEUE);
    await boss.offWork(SWEEP_QUEUE);
    await Promise.allSettled([...inHand]);
  };
}
