import "server-only";
import { startWorker as startBatchWorker } from "@/server/batches/worker";
import { startMediaCopyWorker } from "@/server/media/copy/copy-worker";
import { startOutgoingWebhookWorker } from "@/server/outgoing-webhooks/worker";
import { startPublishWorker } from "@/server/videos/publish-worker";

/**
 * Works every queue in this process: bulk generation, media copies, scheduled publishing and outgoing webhooks (the instrumentation hook with
 * QUEUE_WORKER=on, and `npm run worker`). All or nothing, so that a start tried again never works a queue twice.
 * Returns a stop function that lets the jobs in hand finish.
 */
export async function startQueueWorkers(): Promise<() => Promise<void>> {
  const stopBatches = await startBatchWorker();
  let stopCopies: () => Promise<void>;
  let stopPublish: () => Promise<void>;
  let stopWebhooks: () => Promise<void>;
  try {
    stopCopies = await startMediaCopyWorker();
  } catch (error) {
    await stopBatches();
    throw error;
  }
  try {
    stopPublish = await startPublishWorker();
  } catch (error) {
    await Promise.all([stopBatches(), stopCopies()]);
    throw error;
  }
  try {
    stopWebhooks = await startOutgoingWebhookWorker();
  } catch (error) {
    await Promise.all([stopBatches(), stopCopies(), stopPublish()]);
    throw error;
  }
  return async () => {
    await Promise.all([stopBatches(), stopCopies(), stopPublish(), stopWebhooks()]);
  };
}
