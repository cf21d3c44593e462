import "server-only";
import { logger } from "@/server/logger";
import { PUBLISH_QUEUE, PUBLISH_SWEEP_QUEUE, queue } from "@/server/queue/boss";
import { enqueuePublicMediaSyncsQuietly } from "@/server/queue/public-media-jobs";
import { publishDue, type PublishJob } from "./scheduled-publish";
import { variantIdsOf } from "./visibility";

/**
 * Works the scheduled publish queue in this process, and the minute's sweep for due videos whose job was lost, on
 * whichever instance pg-boss picks. Returns a stop function.
 */
export async function startPublishWorker(): Promise<() => Promise<void>> {
  const boss = await queue();
  await boss.work<PublishJob>(PUBLISH_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    const { videoId } = job!.data;
    const published = await publishDue(videoId);
    logger.info({ videoId, published: published.videos.length > 0 }, "scheduled publish");
    // Its moment has come, whether or not it was published before: its media, and its translations', goes to the
    // public location now.
    await enqueuePublicMediaSyncsQuietly([videoId, ...(await variantIdsOf(videoId))]);
  });
  await boss.work(PUBLISH_SWEEP_QUEUE, async () => {
    const published = (await publishDue(null)).videos.length;
    if (published) logger.info({ published }, "publish sweep published due videos");
  });
  await boss.schedule(PUBLISH_SWEEP_QUEUE, "* * * * *");
  await publishDue(null);
  return async () => {
    await boss.offWork(PUBLISH_QUEUE);
    await boss.offWork(PUBLISH_SWEEP_QUEUE);
  };
}
