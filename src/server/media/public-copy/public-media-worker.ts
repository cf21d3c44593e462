import "server-only";
import { logger } from "@/server/logger";
import { PUBLIC_MEDIA_QUEUE, PUBLIC_MEDIA_SWEEP_QUEUE, queue } from "@/server/queue/boss";
import type { PublicMediaJob } from "@/server/queue/public-media-jobs";
import { syncPublicMedia } from "./public-media";
import { sweepPublicMedia } from "./public-media-sweep";

/**
 * Works the public media queue in this process, and the minute's sweep on whichever instance pg-boss picks (and once
 * at start-up). A failed copy or removal throws, so that pg-boss tries it again with backoff. Returns a stop function
 * that lets the job in hand finish.
 */
export async function startPublicMediaWorker(): Promise<() => Promise<void>> {
  const boss = await queue();
  const inHand = new Set<Promise<unknown>>();
  const sync = async (videoId: string) => {
    const outcome = await syncPublicMedia(videoId);
    logger.info({ videoId, outcome }, "public media sync");
  };
  await boss.work<PublicMediaJob>(PUBLIC_MEDIA_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    const running = sync(job!.data.videoId);
    inHand.add(running);
    await running.finally(() => inHand.delete(running));
  });
  await boss.work(PUBLIC_MEDIA_SWEEP_QUEUE, async () => {
    const swept = await sweepPublicMedia();
    if (swept) logger.info({ swept }, "public media sweep enqueued videos");
  });
  await boss.schedule(PUBLIC_MEDIA_SWEEP_QUEUE, "* * * * *");
  await sweepPublicMedia();
  return async () => {
    await boss.offWork(PUBLIC_MEDIA_QUEUE);
    await boss.offWork(PUBLIC_MEDIA_SWEEP_QUEUE);
    await Promise.allSettled([...inHand]);
  };
}
