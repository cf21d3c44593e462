import "server-only";
import { logger } from "@/server/logger";
import { queue, WEBHOOK_DELIVERY_QUEUE } from "@/server/queue/boss";

export type DeliveryJob = { messageId: string; trigger: "auto" | "resend" };

/**
 * Queues an attempt of a message at `at` (default now). Any number of jobs for one message is harmless: each attempt
 * first claims the message while it is due (src/server/outgoing-webhooks/deliver.ts). Never fails its caller: the
 * minute's sweep queues a due message whose job was lost.
 */
export async function queueDelivery(messageId: string, at?: Date, trigger: DeliveryJob["trigger"] = "auto") {
  try {
    const boss = await queue();
    await boss.send(WEBHOOK_DELIVERY_QUEUE, { messageId, trigger } satisfies DeliveryJob, {
      ...(at ? { startAfter: at } : {}),
    });
  } catch (error) {
    logger.warn({ messageId, err: (error as Error).message }, "webhook delivery not queued: the sweep will queue it");
  }
}
