import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { processWide } from "@/server/process-wide";

/** One job per batch item: submit its video to HeyGen (data: { itemId }). */
export const SUBMIT_QUEUE = "batch-item-submit";
/** Every minute, on one instance: re-enqueue items whose job was lost (src/server/batches/sweep.ts). */
export const SWEEP_QUEUE = "batch-sweep";
/** One job per completed video: copy its media to our storage (data: { videoId }; src/server/media/copy/). */
export const MEDIA_COPY_QUEUE = "media-copy";
/** Every minute, on one instance: enqueue a copy of every completed video not yet stored (src/server/media/copy/). */
export const MEDIA_COPY_SWEEP_QUEUE = "media-copy-sweep";

/**
 * One job per change of a video's viewer visibility or stored media: make its public copy match (data: { videoId };
 * src/server/media/public-copy/). Stately per video, so one runs at a time and a change meanwhile queues one more.
 */
export const PUBLIC_MEDIA_QUEUE = "media-public-copy";
/** Every minute, on one instance: enqueue every video whose public copy is not what its visibility says. */
export const PUBLIC_MEDIA_SWEEP_QUEUE = "media-public-copy-sweep";

/** One job per scheduled publish moment (data: { videoId }; src/server/videos/scheduled-publish.ts). */
export const PUBLISH_QUEUE = "video-publish";
/** Every minute, on one instance: publish due videos whose job was lost. */
export const PUBLISH_SWEEP_QUEUE = "video-publish-sweep";

/** One job per attempt of an outgoing webhook message (data: { messageId, trigger }; src/server/outgoing-webhooks/). */
export const WEBHOOK_DELIVERY_QUEUE = "webhook-delivery";
/** Every minute, on one instance: queue due outgoing messages whose job was lost, and fan out what is waiting. */
export const WEBHOOK_SWEEP_QUEUE = "webhook-sweep";

type QueueHolder = { started: Promise<PgBoss> | null };

/** Once per process, shared by every bundle of the build (the routes and the instrumentation hook): process-wide.ts. */
const holder = () =>
  processWide<QueueHolder>(
    "batchQueue",
    () => ({ started: null }),
    async ({ started }) => {
      await (await started)?.stop({ graceful: false, wait: true });
    },
  );

/**
 * pg-boss in this app's PostgreSQL (schema `pgboss`, created on first start): the durable queue every instance and
 * `npm run worker` share, for bulk generation and media copies. A job whose worker died is retried after its expiry.
 */
export function queue(): Promise<PgBoss> {
  const shared = holder();
  shared.started ??= start().catch((error) => {
    shared.started = null;
    throw error;
  });
  return shared.started;
}

async function start(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env.DATABASE_URL,
    schema: "pgboss",
    application_name: "heygen-batch-queue",
    max: 4,
    // Expired jobs are found by this maintenance pass: keep it as prompt as the timeout.
    maintenanceIntervalSeconds: Math.min(60, env.QUEUE_JOB_TIMEOUT_SECONDS),
    schedule: true,
    supervise: true,
  });
  boss.on("error", (error) => logger.warn({ err: error.message }, "batch queue error"));
  await boss.start();
  await ensureQueue(boss, SUBMIT_QUEUE, {
    // One queued and one active job per item at most (singletonKey = item id): re-enqueueing is a no-op.
    policy: "stately",
    expireInSeconds: env.QUEUE_JOB_TIMEOUT_SECONDS,
    // Thrown errors (a database hiccup) and expired jobs (a dead worker) are tried again; the item's own state
    // makes a retry safe.
    retryLimit: 20,
    retryDelay: 2,
    retryBackoff: true,
  });
  await ensureQueue(boss, SWEEP_QUEUE, { policy: "singleton", expireInSeconds: 60, retryLimit: 0 });
  // One queued and one active copy per video (singletonKey = video id). Retries and expiry are set per job
  // (src/server/media/copy/copy-queue.ts), so that changing them needs no change to an existing queue.
  await ensureQueue(boss, MEDIA_COPY_QUEUE, { policy: "stately" });
  await ensureQueue(boss, MEDIA_COPY_SWEEP_QUEUE, { policy: "singleton", expireInSeconds: 60, retryLimit: 0 });
  // A job per video and moment (singletonKey); publishing is one conditional UPDATE, so a retry is safe.
  await ensureQueue(boss, PUBLISH_QUEUE, { policy: "stately", expireInSeconds: 60, retryLimit: 10, retryDelay: 5 });
  await ensureQueue(boss, PUBLISH_SWEEP_QUEUE, { policy: "singleton", expireInSeconds: 60, retryLimit: 0 });
  // Outgoing webhooks: each job is one attempt, which claims its message first (so a duplicate job sends nothing);
  // the retry schedule is the message's own (WEBHOOK_RETRY_SCHEDULE_SECONDS), not pg-boss's.
  await ensureQueue(boss, WEBHOOK_DELIVERY_QUEUE, { policy: "standard", expireInSeconds: 120, retryLimit: 0 });
  await ensureQueue(boss, WEBHOOK_SWEEP_QUEUE, { policy: "singleton", expireInSeconds: 60, retryLimit: 0 });
  // A copy or removal whose worker died is done again after its expiry: both are safe to repeat.
  await ensureQueue(boss, PUBLIC_MEDIA_QUEUE, {
    policy: "stately",
    expireInSeconds: 5 * 60,
    retryLimit: 20,
    retryDelay: 5,
    retryBackoff: true,
  });
  await ensureQueue(boss, PUBLIC_MEDIA_SWEEP_QUEUE, { policy: "singleton", expireInSeconds: 60, retryLimit: 0 });
  return boss;
}

async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">) {
  if (await boss.getQueue(name)) return;
  try {
    await boss.createQueue(name, { name, ...options });
  } catch (error) {
    // Another instance created it meanwhile.
    if (!(await boss.getQueue(name))) throw error;
  }
}

/** Tests only: stops the queue if this process started it (starting none). */
export async function stopQueueIfStarted(): Promise<void> {
  const shared = holder();
  const started = shared.started;
  shared.started = null;
  await (await started?.catch(() => null))?.stop({ graceful: false, wait: true });
}
