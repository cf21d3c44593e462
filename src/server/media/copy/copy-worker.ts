import "server-only";
import { logger } from "@/server/logger";
import { MEDIA_COPY_QUEUE, MEDIA_COPY_SWEEP_QUEUE, queue } from "@/server/queue/boss";
import type { MediaCopyJob } from "@/server/queue/media-copy-jobs";
import { sweepMediaCopies } from "./copy-sweep";
import { copyVideoMedia } from "./copy-video";

/** Copies one process makes at once (each streams, so memory stays flat; the link is what they share). */
export const COPIES_AT_ONCE = 2;

/**
 * Works the media-copy queue in this process, COPIES_AT_ONCE at a time, and the minute's sweep on whichever instance
 * pg-boss picks. An attempt that may succeed later throws, so that pg-boss tries again with backoff. Returns a stop
 * function that lets the copies in hand finish.
 */
export async function startMediaCopyWorker(): Promise<() => Promise<void>> {
  const boss = await queue();
  const inHand = new Set<Promise<unknown>>();
  const copy = async (videoId: string) => {
    const outcome = await copyVideoMedia(videoId);
    logger.info({ videoId, outcome: outcome.kind }, "media copy");
    if (outcome.kind === "retry") throw new Error(outcome.reason);
  };
  for (let i = 0; i < COPIES_AT_ONCE; i++) {
    await boss.work<MediaCopyJob>(MEDIA_COPY_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
      const running = copy(job!.data.videoId);
      inHand.add(running);
      await running.finally(() => inHand.delete(running));
    });
  }
  await boss.work(MEDIA_COPY_SWEEP_QUEUE, async () => {
    const swept = await sweepMediaCopies();
    if (swept) logger.info({ swept }, "media copy sweep enqueued videos");
  });
  await boss.schedule(MEDIA_COPY_SWEEP_QUEUE, "* * * * *");
  // At start-up too: videos completed while no worker ran (or before copies existed) start without waiting.
  await sweepMediaCopies();
  logger.info("media copy worker started");
  return async () => {
    await boss.offWork(MEDIA_COPY_QUEUE);
    await boss.offWork(MEDIA_COPY_SWEEP_QUEUE);
    await Promise.allSettled([...inHand]);
  };
}
