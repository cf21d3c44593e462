import "server-only";
import { WEBHOOK_SENDERS } from "@/lib/limits";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { queue, WEBHOOK_DELIVERY_QUEUE, WEBHOOK_SWEEP_QUEUE } from "@/server/queue/boss";
import { DEFAULT_DELIVERY_OPTIONS, deliverMessage, type DeliveryOptions } from "./deliver";
import { queueDelivery, type DeliveryJob } from "./delivery-queue";
import { fanOut, recordFinishedBatches } from "./fan-out";

export type WebhookWorkerOptions = DeliveryOptions & {
  /** How often the outbox is read for new events (a short poll: every instance's, each one claims with SKIP LOCKED). */
  pollMs: number;
};

/** A due message's job counts as lost once it is this late (the senders poll every half second). */
const LOST_AFTER_MS = 2 * 60_000;

/**
 * Works outgoing webhooks in this process: the outbox poll (batch.finished, then fan-out into messages), the
 * delivery queue with WEBHOOK_SENDERS senders of its own (a slow receiver holds only these, never another queue),
 * and the minute's sweep. Returns a stop function. Tests pass a compressed schedule and a short timeout.
 */
export async function startOutgoingWebhookWorker(
  overrides: Partial<WebhookWorkerOptions> = {},
): Promise<() => Promise<void>> {
  const options: WebhookWorkerOptions = { ...DEFAULT_DELIVERY_OPTIONS, pollMs: 1_000, ...overrides };
  const boss = await queue();
  let stopped = false;
  // The attempts in hand, so that stopping lets them finish (each ends within its timeout).
  const inFlight = new Set<Promise<unknown>>();
  const workers: string[] = [];
  for (let sender = 0; sender < WEBHOOK_SENDERS; sender++) {
    workers.push(
      await boss.work<DeliveryJob>(
        WEBHOOK_DELIVERY_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 0.5 },
        async ([job]) => {
          // pg-boss may hand over a job fetched just before offWork: left due, the sweep queues it again.
          if (stopped) return;
          const attempt = deliverMessage(job!.data, options);
          inFlight.add(attempt);
          try {
            await attempt;
          } finally {
            inFlight.delete(attempt);
          }
        },
      ),
    );
  }
  workers.push(await boss.work(WEBHOOK_SWEEP_QUEUE, () => (stopped ? Promise.resolve() : sweep())));
  await boss.schedule(WEBHOOK_SWEEP_QUEUE, "* * * * *");

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const poll = () => {
    running = fanOutAndQueue()
      .catch((error: Error) => logger.warn({ err: error.message }, "outgoing webhooks: fan-out failed"))
      .finally(() => {
        if (!stopped) timer = setTimeout(poll, options.pollMs);
      });
  };
  poll();
  logger.info({ senders: WEBHOOK_SENDERS }, "outgoing webhook worker started");
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    // This worker's own senders only (another started in the same process keeps working).
    await Promise.all(workers.map((id) => boss.offWork({ id })));
    await Promise.allSettled([...inFlight]);
  };
}

async function fanOutAndQueue(): Promise<void> {
  await recordFinishedBatches();
  // Until the outbox has nothing this instance can claim (another instance's claimed rows are skipped).
  for (;;) {
    const { events, messages } = await fanOut();
    await Promise.all(messages.map((id) => queueDelivery(id)));
    if (events === 0) return;
  }
}

/** Queues due messages whose job was lost (a crash between the commit and the send), and fans out what waits. */
async function sweep(): Promise<void> {
  await fanOutAndQueue();
  const lost = await db.outgoingMessage.findMany({
    where: { status: "PENDING", nextAttemptAt: { lt: new Date(Date.now() - LOST_AFTER_MS) } },
    select: { id: true },
    take: 500,
  });
  await Promise.all(lost.map((message) => queueDelivery(message.id)));
  if (lost.length > 0) logger.info({ queued: lost.length }, "outgoing webhooks: sweep queued due messages");
}
