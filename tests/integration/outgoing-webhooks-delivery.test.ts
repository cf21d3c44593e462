import { describe, expect, it, vi } from "vitest";

// This file's deployment: a key to encrypt endpoint secrets with, and receivers on this machine allowed.
vi.hoisted(() => {
  vi.stubEnv("ENCRYPTION_KEY", "a".repeat(64));
  vi.stubEnv("ALLOW_PRIVATE_WEBHOOK_URLS", "true");
});

import { PATCH as patchVideo } from "@/app/api/admin/videos/[id]/route";
import { WEBHOOK_RETRY_SCHEDULE_SECONDS } from "@/lib/limits";
import { db } from "@/server/db";
import { adminCookie, jsonRequest, videoRow } from "../support/requests";
import { waitFor } from "../support/wait-for";
import { addEndpoint, finishedVideo, messagesOf, receiver, startWebhookWorker } from "./outgoing-webhooks-support";

const patch = async (id: string, body: Record<string, unknown>) =>
  patchVideo(jsonRequest(`/api/admin/videos/${id}`, body, { cookie: await adminCookie(), method: "PATCH" }), {
    params: Promise.resolve({ id }),
  });

describe("outgoing webhooks: each event, signed, exactly once", () => {
  it("a video completed by HeyGen's signed webhook: video.completed and (public at once) video.published, verified", async () => {
    await startWebhookWorker();
    const hook = await receiver();
    const { endpoint, secret } = await addEndpoint(hook.url, ["video.completed", "video.published", "video.failed"]);

    const id = await finishedVideo();
    await waitFor(
      () => hook.requests.length,
      (count) => count >= 2,
      10_000,
    );
    const messages = hook.verified(secret);
    expect(messages.map((message) => message.type).sort()).toEqual(["video.completed", "video.published"]);
    const completed = messages.find((message) => message.type === "video.completed")!;
    expect(completed.data).toMatchObject({
      video: {
        id,
        title: "Welcome",
        status: "completed",
        visibility: "public",
        url: `http://app.test/videos/${id}`,
        media: { video: expect.stringMatching(/^https?:\/\//) },
      },
    });
    // The webhook-id is the message's id; every other message is another id.
    const rows = await waitFor(
      () => messagesOf(endpoint.id),
      (found) => found.every((row) => row.status === "DELIVERED"),
    );
    expect(rows.map((row) => row.id).sort()).toEqual(messages.map((message) => message.id).sort());
    expect(rows.map((row) => [row.status, row.history.length])).toEqual([
      ["DELIVERED", 1],
      ["DELIVERED", 1],
    ]);
  });

  it("a failed video: video.failed once, and nothing for an endpoint not subscribed to it", async () => {
    await startWebhookWorker();
    const failures = await receiver();
    const other = await receiver();
    const { secret } = await addEndpoint(failures.url, ["video.failed"]);
    const { endpoint: elsewhere } = await addEndpoint(other.url, ["video.completed"]);

    const id = await finishedVideo({ script: "This one goes wrong [fail]" });
    await waitFor(
      () => failures.requests.length,
      (count) => count >= 1,
      10_000,
    );
    const [message] = failures.verified(secret);
    expect(message).toMatchObject({ type: "video.failed", data: { video: { id, status: "failed" } } });
    // The outbox has been fanned out (the evidence that the other endpoint was considered): it got no message.
    await waitFor(
      () => db.outgoingEvent.count({ where: { fannedOutAt: null } }),
      (count) => count === 0,
    );
    expect(await db.outgoingMessage.count({ where: { endpointId: elsewhere.id } })).toBe(0);
    expect(other.requests).toHaveLength(0);
  });

  it("video.published: by PATCH (draft → public) and by a schedule, once each", async () => {
    await startWebhookWorker();
    const { startPublishWorker } = await import("@/server/videos/publish-worker");
    const stopPublish = await startPublishWorker();
    try {
      const hook = await receiver();
      const { secret } = await addEndpoint(hook.url, ["video.published"]);
      const patched = await finishedVideo({ visibility: "draft" });
      const scheduled = await finishedVideo({ visibility: "draft" });

      expect((await patch(patched, { visibility: "public" })).status).toBe(200);
      const moment = new Date(Date.now() + 1_500);
      expect((await patch(scheduled, { visibility: "public", publishAt: moment.toISOString() })).status).toBe(200);

      await waitFor(
        () => hook.requests.length,
        (count) => count >= 2,
        15_000,
      );
      const messages = hook.verified(secret);
      expect(messages.map((message) => (message.data.video as { id: string }).id)).toEqual([patched, scheduled]);
      const scheduledMessage = messages[1]!.data.video as { publishedAt: string };
      expect(new Date(scheduledMessage.publishedAt).getTime()).toBeGreaterThanOrEqual(moment.getTime());
      // Published once each: changing the visibility again announces nothing more.
      expect((await patch(patched, { visibility: "unlisted" })).status).toBe(200);
      expect((await patch(patched, { visibility: "public" })).status).toBe(200);
      expect(await db.outgoingEvent.count({ where: { type: "video.published" } })).toBe(2);
    } finally {
      await stopPublish();
    }
  });

  it("batch.finished once its last item settles, with its counts", async () => {
    await startWebhookWorker();
    const hook = await receiver();
    const { secret } = await addEndpoint(hook.url, ["batch.finished"]);
    const presenter = await db.presenter.create({
      data: { name: "Anna", avatarId: "look_1", aspectRatio: "16:9", resolution: "1080p" },
    });
    const script = await db.planScript.create({
      data: { date: new Date("2026-06-01"), title: "Day one", script: "Hi", presenterId: presenter.id },
    });
    const batch = await db.batch.create({ data: { month: "2026-06", requestedBy: "admin" } });
    const { id } = await db.video.create({ data: { ...videoRow, status: "PROCESSING", presenterId: presenter.id } });
    await db.batchItem.create({
      data: { batchId: batch.id, planScriptId: script.id, presenterId: presenter.id, status: "SENT", videoId: id },
    });
    await db.outgoingEvent.deleteMany();
    // Still rendering: the fan-out passes (evidence: a pass fans out an event made meanwhile) without finishing it.
    await db.outgoingEvent.create({ data: { type: "video.completed", dedupeKey: "probe", occurredAt: new Date() } });
    await waitFor(
      () => db.outgoingEvent.count({ where: { fannedOutAt: null } }),
      (count) => count === 0,
    );
    expect(await db.outgoingEvent.count({ where: { type: "batch.finished" } })).toBe(0);

    const { applyStatusChange } = await import("@/server/videos/transition");
    await applyStatusChange(id, { status: "FAILED", error: "HeyGen could not render it" });
    await waitFor(
      () => hook.requests.length,
      (count) => count >= 1,
      10_000,
    );
    const [message] = hook.verified(secret);
    expect(message).toMatchObject({
      type: "batch.finished",
      data: { batch: { id: batch.id, month: "2026-06", total: 1, counts: { failed: 1 } } },
    });
    expect(await db.outgoingEvent.count({ where: { type: "batch.finished" } })).toBe(1);
  });

  it("two workers: every message is sent once", async () => {
    await startWebhookWorker();
    await startWebhookWorker();
    const hook = await receiver();
    await addEndpoint(hook.url, ["video.completed"]);
    const ids = [await finishedVideo(), await finishedVideo(), await finishedVideo()];
    await waitFor(
      () => db.outgoingMessage.count({ where: { status: "DELIVERED" } }),
      (count) => count >= 3,
      10_000,
    );
    expect(hook.requests.map((request) => JSON.parse(request.body).data.video.id).sort()).toEqual(ids.sort());
    expect(await db.outgoingAttempt.count()).toBe(3);
  });
});

describe("outgoing webhooks: retries, timeouts, resend", () => {
  it("follows the retry schedule until the receiver answers 2xx, with the same webhook-id each time", async () => {
    expect(WEBHOOK_RETRY_SCHEDULE_SECONDS.reduce((sum: number, seconds) => sum + seconds, 0)).toBeGreaterThanOrEqual(
      86_400,
    );
    await startWebhookWorker({ timeScale: 0.001 });
    const hook = await receiver((n) => (n < 3 ? 503 : 200));
    const { endpoint, secret } = await addEndpoint(hook.url, ["video.completed"]);
    await finishedVideo();

    const [message] = await waitFor(
      () => messagesOf(endpoint.id),
      (rows) => rows[0]?.status === "DELIVERED",
      15_000,
    );
    expect(message!.history.map((attempt) => attempt.responseStatus)).toEqual([503, 503, 503, 200]);
    expect(message!.history[0]!.responseBody).toBe("refused with 503");
    expect(new Set(hook.verified(secret).map((m) => m.id))).toEqual(new Set([message!.id]));
    // Each retry waited at least its (compressed) step of the schedule after the attempt before.
    const at = message!.history.map((attempt) => attempt.attemptedAt.getTime());
    for (let step = 1; step < at.length; step++) {
      expect(at[step]! - at[step - 1]!).toBeGreaterThanOrEqual(WEBHOOK_RETRY_SCHEDULE_SECONDS[step]! * 1000 * 0.001);
    }
  });

  it("gives up after the schedule's attempts (failed, no next retry)", async () => {
    await startWebhookWorker({ timeScale: 0.00001 });
    const hook = await receiver(() => 500);
    const { endpoint } = await addEndpoint(hook.url, ["video.completed"]);
    await finishedVideo();
    const [message] = await waitFor(
      () => messagesOf(endpoint.id),
      (rows) => rows[0]?.status === "FAILED",
      20_000,
    );
    expect(message!.history).toHaveLength(WEBHOOK_RETRY_SCHEDULE_SECONDS.length);
    expect(message!.nextAttemptAt).toBeNull();
    expect(hook.requests).toHaveLength(WEBHOOK_RETRY_SCHEDULE_SECONDS.length);
  });

  it("410 Gone disables the endpoint and fails the message without retrying", async () => {
    await startWebhookWorker();
    const hook = await receiver(() => 410);
    const { endpoint } = await addEndpoint(hook.url, ["video.completed"]);
    await finishedVideo();
    const [message] = await waitFor(
      () => messagesOf(endpoint.id),
      (rows) => rows[0]?.status === "FAILED",
      10_000,
    );
    expect(message!.history).toHaveLength(1);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/410 Gone/) });
  });

  it("a hanging endpoint times out without holding back another endpoint's delivery", async () => {
    await startWebhookWorker({ timeoutMs: 1_500 });
    const hanging = await receiver(() => "hang");
    const healthy = await receiver();
    const { endpoint: stuck } = await addEndpoint(hanging.url, ["video.completed"]);
    const { endpoint: fine } = await addEndpoint(healthy.url, ["video.completed"]);
    await finishedVideo();

    const [delivered] = await waitFor(
      () => messagesOf(fine.id),
      (rows) => rows[0]?.status === "DELIVERED",
      10_000,
    );
    // Delivered while the other is still hanging: its request is in (both are sent at once, in either order), and no
    // attempt of the stuck one is over yet.
    expect(
      await waitFor(
        async () => hanging.requests.length,
        (received) => received === 1,
        1_000,
      ),
    ).toBe(1);
    expect((await messagesOf(stuck.id))[0]!.history).toHaveLength(0);
    const [timedOut] = await waitFor(
      () => messagesOf(stuck.id),
      (rows) => (rows[0]?.history.length ?? 0) >= 1,
      10_000,
    );
    const attempt = timedOut!.history[0]!;
    expect(attempt).toMatchObject({ responseStatus: null, error: expect.stringMatching(/timed out/) });
    expect(attempt.durationMs).toBeGreaterThanOrEqual(1_400);
    expect(attempt.attemptedAt.getTime()).toBeGreaterThan(delivered!.deliveredAt!.getTime());
    expect(timedOut!.status).toBe("PENDING");
  });

  it("resend: a new attempt of a delivered message, same webhook-id, recorded as a resend", async () => {
    await startWebhookWorker();
    const hook = await receiver();
    const { endpoint, secret } = await addEndpoint(hook.url, ["video.completed"]);
    await finishedVideo();
    const [message] = await waitFor(
      () => messagesOf(endpoint.id),
      (rows) => rows[0]?.status === "DELIVERED",
      10_000,
    );
    const { POST: resend } = await import("@/app/api/admin/webhooks/[id]/messages/[messageId]/resend/route");
    const url = `/api/admin/webhooks/${endpoint.id}/messages/${message!.id}/resend`;
    const response = await resend(jsonRequest(url, {}, { cookie: await adminCookie() }), {
      params: Promise.resolve({ id: endpoint.id, messageId: message!.id }),
    });
    expect(response.status).toBe(202);
    await waitFor(
      () => hook.requests.length,
      (count) => count >= 2,
      10_000,
    );
    const [first, again] = hook.verified(secret);
    expect(again!.id).toBe(first!.id);
    expect(again!.data).toEqual(first!.data);
    const [after] = await waitFor(
      () => messagesOf(endpoint.id),
      (rows) => rows[0]?.history.length === 2 && rows[0].status === "DELIVERED",
    );
    expect(after!.history.map((attempt) => attempt.trigger)).toEqual(["auto", "resend"]);
  });
});
