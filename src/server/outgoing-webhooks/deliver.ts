import "server-only";
import { WEBHOOK_RETRY_SCHEDULE_SECONDS, WEBHOOK_TIMEOUT_MS } from "@/lib/limits";
import { db } from "@/server/db";
import { queueDelivery, type DeliveryJob } from "./delivery-queue";
import { decryptSecret } from "./secret";
import { sendSigned, type SendOutcome } from "./send";

export type DeliveryOptions = {
  /** Multiplies the retry schedule's delays: 1 in production; tests compress it (0.001: 5 s becomes 5 ms). */
  timeScale: number;
  timeoutMs: number;
};
export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = { timeScale: 1, timeoutMs: WEBHOOK_TIMEOUT_MS };

/** A claimed attempt is not claimed again for this long past its timeout (a worker that died mid-send). */
const LEASE_MARGIN_MS = 60_000;

export type DeliveryResult = "delivered" | "retrying" | "failed" | "not_due";

/**
 * One attempt of a message, when it is due: claims it (one conditional UPDATE that moves nextAttemptAt past the
 * attempt's end, so that two workers never send it at once), sends it signed, records the attempt with its answer,
 * and then either marks it delivered (2xx), schedules the next attempt by WEBHOOK_RETRY_SCHEDULE_SECONDS, or marks it
 * failed (the schedule ran out; 410 Gone, which also disables the endpoint; the endpoint disabled).
 */
export async function deliverMessage(
  { messageId, trigger }: DeliveryJob,
  options: DeliveryOptions = DEFAULT_DELIVERY_OPTIONS,
): Promise<DeliveryResult> {
  const leaseUntil = new Date(Date.now() + options.timeoutMs + LEASE_MARGIN_MS);
  const claimed = await db.outgoingMessage.updateMany({
    where: { id: messageId, status: "PENDING", nextAttemptAt: { lte: new Date() } },
    data: { nextAttemptAt: leaseUntil },
  });
  if (claimed.count === 0) return "not_due";
  const message = await db.outgoingMessage.findUnique({
    where: { id: messageId },
    include: { endpoint: true, event: { select: { payload: true } } },
  });
  // Its endpoint was deleted meanwhile (and the message with it).
  if (!message) return "not_due";
  const { endpoint } = message;
  const outcome: SendOutcome = !endpoint.enabled
    ? { durationMs: 0, status: null, body: null, error: "The endpoint is disabled." }
    : await send(endpoint.id, endpoint.secretCiphertext, endpoint.url, messageId, message.event.payload, options);
  const attempts = message.attempts + 1;
  const delivered = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
  const gone = outcome.status === 410;
  const exhausted = attempts >= WEBHOOK_RETRY_SCHEDULE_SECONDS.length || !endpoint.enabled || gone;
  const now = new Date();
  const nextAttemptAt =
    delivered || exhausted
      ? null
      : new Date(now.getTime() + WEBHOOK_RETRY_SCHEDULE_SECONDS[attempts]! * 1000 * options.timeScale);
  await db.$transaction([
    db.outgoingAttempt.create({
      data: {
        messageId,
        attemptedAt: now,
        durationMs: outcome.durationMs,
        responseStatus: outcome.status,
        responseBody: outcome.body,
        error: outcome.error,
        trigger,
      },
    }),
    db.outgoingMessage.update({
      where: { id: messageId },
      data: {
        attempts,
        status: delivered ? "DELIVERED" : exhausted ? "FAILED" : "PENDING",
        deliveredAt: delivered ? now : undefined,
        nextAttemptAt,
      },
    }),
    // 410 Gone: the receiver says this URL will never take deliveries again (Standard Webhooks' advice).
    ...(gone
      ? [
          db.webhookEndpoint.updateMany({
            where: { id: endpoint.id, enabled: true },
            data: { enabled: false, disabledReason: `The receiver answered 410 Gone on ${now.toISOString()}.` },
          }),
        ]
      : []),
  ]);
  if (nextAttemptAt) await queueDelivery(messageId, nextAttemptAt);
  return delivered ? "delivered" : nextAttemptAt ? "retrying" : "failed";
}

async function send(
  endpointId: string,
  ciphertext: string,
  url: string,
  messageId: string,
  payload: unknown,
  options: DeliveryOptions,
): Promise<SendOutcome> {
  let secret: string;
  try {
    secret = decryptSecret(endpointId, ciphertext);
  } catch (error) {
    return { durationMs: 0, status: null, body: null, error: (error as Error).message };
  }
  return sendSigned({ url, secret, messageId, body: JSON.stringify(payload), timeoutMs: options.timeoutMs });
}
