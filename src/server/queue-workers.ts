import "server-only";
import { startWorker as startBatchWorker } from "@/server/batches/worker";
import { startMediaCopyWorker } from "@/server/media/copy/copy-worker";
import { startOutgoingWebhookWorker } from "@/server/outgoing-webhooks/worker";
import { startPublicMediaWorker } from "@/server/media/public-copy/public-media-worker";
import { startPublishWorker } from "@/server/videos/publish-worker";

type Stop = () => Promise<void>;

/** Every queue's worker, in the order they start. */
const WORKERS: Array<() => Promise<Stop>> = [
  startBatchWorker,
  startMediaCopyWorker,
  startPublishWorker,
  startPublicMediaWorker,
  startOutgoingWebhookWorker,
];

/**
 * Works every queue in this process: bulk generation, media copies, scheduled publishing, public media copies and
 * outgoing webhooks (the instrumentation hook with QUEUE_WORKER=on, and `npm run worker`). All or nothing, so that a
 * start tried again never works a queue twice. Returns a stop function that lets the jobs in hand finish.
 */
export async function startQueueWorkers(): Promise<Stop> {
  const stops: Stop[] = [];
  const stopAll = async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
  try {
    for (const start of WORKERS) stops.push(await start());
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
