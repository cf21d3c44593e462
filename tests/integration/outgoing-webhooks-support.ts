import { afterEach, expect, onTestFinished } from "vitest";
import { POST as createEndpointRoute } from "@/app/api/admin/webhooks/route";
import type { EndpointWithSecret, OutgoingEventType } from "@/lib/outgoing-webhooks";
import { db } from "@/server/db";
import type { WebhookWorkerOptions } from "@/server/outgoing-webhooks/worker";
import { heygenServer } from "../support/heygen";
import { adminCookie, jsonRequest } from "../support/requests";
export { finishedVideo } from "../support/finished-video";
import { startWebhookReceiver, type Answer } from "../support/webhook-receiver";

/** Helpers of the outgoing-webhooks*.test.ts files. */

const running: Array<() => Promise<void>> = [];
// Stopped before the setup's own afterEach (after-hooks run last-registered first) drops the receivers' MSW
// passthrough: a retry sent after that would count as an unexpected request in the next test.
afterEach(async () => {
  await Promise.all(running.splice(0).map((stop) => stop()));
});

/** Outgoing webhooks' worker in this process until the test ends; tests compress its schedule and poll. */
export async function startWebhookWorker(options: Partial<WebhookWorkerOptions> = {}) {
  const { startOutgoingWebhookWorker } = await import("@/server/outgoing-webhooks/worker");
  running.push(await startOutgoingWebhookWorker({ pollMs: 50, timeScale: 0.001, ...options }));
}

/** A receiver on a local port, let through MSW, closed when the test ends. */
export async function receiver(answer?: Answer) {
  const started = await startWebhookReceiver(answer);
  heygenServer.use(started.passthrough);
  onTestFinished(() => started.close());
  return started;
}

/** An endpoint saved through the API (as an admin) for `url`: its view and its secret. */
export async function addEndpoint(url: string, events: OutgoingEventType[]): Promise<EndpointWithSecret> {
  const response = await createEndpointRoute(
    jsonRequest("/api/admin/webhooks", { url, events }, { cookie: await adminCookie() }),
  );
  expect(response.status).toBe(201);
  return (await response.json()) as EndpointWithSecret;
}

/** The messages of an endpoint, oldest first, with their event and attempts. */
export const messagesOf = (endpointId: string) =>
  db.outgoingMessage.findMany({
    where: { endpointId },
    include: { event: true, history: { orderBy: { attemptedAt: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
