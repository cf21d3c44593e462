import { describe, expect, it } from "vitest";
import { asked, elapse, gaps, nextFrame, renderWithSwr, serveJson } from "../../tests/support/dom";
import type { EndpointDetail, MessageView } from "@/lib/outgoing-webhooks";
import { useWebhookEndpoint, WEBHOOK_LOG_POLL_MS } from "./use-webhook-endpoint";

const message = (status: MessageView["status"]): MessageView => ({
  id: "msg_1",
  type: "video.completed",
  subject: "video-1",
  status,
  attempts: 1,
  lastAttemptAt: null,
  lastStatus: null,
  lastError: null,
  nextAttemptAt: null,
  createdAt: new Date().toISOString(),
});

const endpoint = (enabled: boolean, messages: MessageView[] = []): EndpointDetail => ({
  id: "ep_1",
  url: "https://n8n.example.com/hook",
  description: null,
  events: ["video.completed"],
  enabled,
  disabledReason: null,
  createdAt: new Date().toISOString(),
  messages,
});

describe("useWebhookEndpoint: an endpoint's delivery log, live", () => {
  it("shows the page's endpoint at once, then reads it from its own route", async () => {
    const initial = endpoint(true);
    const latest = endpoint(true, [message("delivered")]);
    serveJson("/api/admin/webhooks/:id", () => latest);
    const { result } = renderWithSwr(() => useWebhookEndpoint(initial).data);
    expect(result.current).toEqual(initial);
    await nextFrame();
    expect(asked()).toEqual(["/api/admin/webhooks/ep_1"]);
    expect(result.current).toEqual(latest);
  });

  it("asks every WEBHOOK_LOG_POLL_MS while a message is pending (or it is enabled), and stops once neither holds", async () => {
    let current = endpoint(false, [message("pending")]);
    const reads = serveJson("/api/admin/webhooks/:id", () => current);
    renderWithSwr(() => useWebhookEndpoint(current));
    await elapse(4 * WEBHOOK_LOG_POLL_MS);
    expect(reads.length).toBeGreaterThanOrEqual(4);
    expect(new Set(gaps(reads.slice(1)))).toEqual(new Set([WEBHOOK_LOG_POLL_MS]));

    current = endpoint(false, [message("failed")]);
    await elapse(WEBHOOK_LOG_POLL_MS);
    const settled = reads.length;
    await elapse(60_000);
    expect(reads).toHaveLength(settled);
  });
});
