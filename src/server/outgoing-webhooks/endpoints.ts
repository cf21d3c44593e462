import "server-only";
import { randomUUID } from "node:crypto";
import type { OutgoingMessage, WebhookEndpoint } from "@/generated/prisma/client";
import { WEBHOOK_ENDPOINTS_MAX } from "@/lib/limits";
import type {
  EndpointDetail,
  EndpointInput,
  EndpointPatch,
  EndpointView,
  EndpointWithSecret,
  MessageView,
  OutgoingEventType,
} from "@/lib/outgoing-webhooks";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { urlProblem } from "./address-guard";
import { queueDelivery } from "./delivery-queue";
import { encryptSecret, newSecret } from "./secret";

/** The delivery log shows this many messages, newest first. */
const LOG_LIMIT = 100;

const notFound = () => new AppError("not_found", "There is no webhook endpoint with this id.");

export async function listEndpoints(): Promise<EndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(endpointView);
}

/** Saves an endpoint with a fresh secret, returned this once (only its ciphertext is kept). */
export async function createEndpoint(input: EndpointInput): Promise<EndpointWithSecret> {
  await refuseUrl(input.url);
  if ((await db.webhookEndpoint.count()) >= WEBHOOK_ENDPOINTS_MAX) {
    throw new AppError("conflict", `There can be at most ${WEBHOOK_ENDPOINTS_MAX} webhook endpoints.`);
  }
  const id = randomUUID();
  const secret = newSecret();
  const row = await db.webhookEndpoint.create({
    data: {
      id,
      url: input.url,
      events: input.events,
      description: input.description ?? null,
      enabled: input.enabled ?? true,
      secretCiphertext: encryptSecret(id, secret),
    },
  });
  return { endpoint: endpointView(row), secret };
}

export async function updateEndpoint(id: string, patch: EndpointPatch): Promise<EndpointView> {
  if (patch.url !== undefined) await refuseUrl(patch.url);
  const { count } = await db.webhookEndpoint.updateMany({
    where: { id },
    data: {
      ...patch,
      // Enabled again (or disabled) by an admin: the app's reason no longer applies.
      ...(patch.enabled !== undefined ? { disabledReason: null } : {}),
    },
  });
  if (count === 0) throw notFound();
  return endpointView(await db.webhookEndpoint.findUniqueOrThrow({ where: { id } }));
}

/** A new secret, returned this once; the old one stops signing at once. */
export async function rotateSecret(id: string): Promise<EndpointWithSecret> {
  const secret = newSecret();
  const { count } = await db.webhookEndpoint.updateMany({
    where: { id },
    data: { secretCiphertext: encryptSecret(id, secret) },
  });
  if (count === 0) throw notFound();
  return { endpoint: endpointView(await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })), secret };
}

/** Deletes the endpoint and its log; messages in flight find nothing to send. */
export async function deleteEndpoint(id: string): Promise<void> {
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id } });
  if (count === 0) throw notFound();
}

/** The endpoint and its delivery log: each message with its attempts, last answer and next retry. */
export async function endpointDetail(id: string): Promise<EndpointDetail> {
  const row = await db.webhookEndpoint.findUnique({
    where: { id },
    include: {
      messages: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: LOG_LIMIT,
        include: {
          event: { select: { type: true, videoId: true, batchId: true } },
          history: { orderBy: { attemptedAt: "desc" }, take: 1 },
        },
      },
    },
  });
  if (!row) throw notFound();
  return { ...endpointView(row), messages: row.messages.map(messageView) };
}

/**
 * Sends a message again now (a new attempt with the same webhook-id), and on the usual schedule after that if it
 * fails. Answers at once: the attempt is the delivery queue's.
 */
export async function resendMessage(endpointId: string, messageId: string): Promise<void> {
  const { count } = await db.outgoingMessage.updateMany({
    where: { id: messageId, endpointId },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() },
  });
  if (count === 0) throw new AppError("not_found", "This endpoint has no message with this id.");
  await queueDelivery(messageId, undefined, "resend");
}

async function refuseUrl(url: string) {
  const problem = await urlProblem(new URL(url));
  if (problem) throw new AppError("invalid_input", `url ${problem}`, { field: "url" });
}

function endpointView(row: WebhookEndpoint): EndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as OutgoingEventType[],
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt.toISOString(),
  };
}

type MessageRow = OutgoingMessage & {
  event: { type: string; videoId: string | null; batchId: string | null };
  history: Array<{ attemptedAt: Date; responseStatus: number | null; error: string | null }>;
};

function messageView(row: MessageRow): MessageView {
  const last = row.history[0];
  return {
    id: row.id,
    type: row.event.type as OutgoingEventType,
    subject: row.event.videoId ?? row.event.batchId,
    status: row.status === "DELIVERED" ? "delivered" : row.status === "FAILED" ? "failed" : "pending",
    attempts: row.attempts,
    lastAttemptAt: last?.attemptedAt.toISOString() ?? null,
    lastStatus: last?.responseStatus ?? null,
    lastError: last?.error ?? null,
    nextAttemptAt: row.status === "PENDING" ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}
