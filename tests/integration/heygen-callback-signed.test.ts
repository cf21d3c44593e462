import { http, HttpResponse } from "msw";
import type { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET, OPTIONS, POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { FAKE_MARKERS } from "@/mocks/heygen/fake-heygen";
import { db } from "@/server/db";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import {
  adminCookie,
  deliveryRequest,
  jsonRequest,
  replayDelivery,
  signedLegacy,
  signedV3,
  validVideoInput,
  videoRow,
} from "../support/requests";
import { callRoute } from "../support/route-scope";

/** Creates a video through the API; the fake renders it at once and keeps its delivery in the outbox. */
async function createVideo(script = validVideoInput.script) {
  const response = await createVideoRoute(
    jsonRequest("/api/videos", { ...validVideoInput, script }, { cookie: await adminCookie() }),
  );
  const { id } = await response.json();
  const row = await db.video.findUniqueOrThrow({ where: { id } });
  const delivery = fakeHeygen.outbox.find((d) => JSON.parse(d.body).event_data.callback_id === id)!;
  return { row, delivery };
}

async function deliver(request: NextRequest) {
  const { response, afterResponse } = await callRoute(() => callback(request));
  return { status: response.status, body: await response.json(), afterResponse };
}

const reload = (id: string) => db.video.findUniqueOrThrow({ where: { id } });

const success = (heygenId: string, callbackId: string, extra: Record<string, unknown> = {}) => ({
  event_id: `evt_${Math.random().toString(16).slice(2)}`,
  event_type: "avatar_video.success",
  event_data: {
    video_id: heygenId,
    callback_id: callbackId,
    video_url: "https://resource.heygen.ai/v.mp4?Expires=1",
    ...extra,
  },
});
const failure = (
  heygenId: string,
  callbackId: string,
  data: Record<string, unknown> = { failure_message: "Avatar could not be rendered" },
) => ({
  event_id: `evt_${Math.random().toString(16).slice(2)}`,
  event_type: "avatar_video.fail",
  event_data: { video_id: heygenId, callback_id: callbackId, ...data },
});

describe("POST /api/heygen/callback: signed v3 deliveries", () => {
  it("completes the video from HeyGen's own delivery, answers first, then fetches the render's details", async () => {
    const { row, delivery } = await createVideo();
    expect(delivery.headers["heygen-signature"]).toMatch(/^[0-9a-f]{64}$/);
    heygenRequests.length = 0;

    const { status, body, afterResponse } = await deliver(replayDelivery(delivery));
    expect(status).toBe(200);
    expect(body.outcome).toBe("applied");
    const answered = await reload(row.id);
    expect(answered).toMatchObject({ status: "COMPLETED", videoUrl: JSON.parse(delivery.body).event_data.video_url });
    expect(answered.thumbnailUrl).toBeNull(); // nothing asked of HeyGen before answering
    expect(heygenRequests).toEqual([]);

    await afterResponse();
    expect(heygenRequests).toEqual([`GET /v3/videos/${row.heygenVideoId}`]);
    const detailed = await reload(row.id);
    expect(detailed.thumbnailUrl).toMatch(/\.jpg\?/);
    expect(detailed.subtitleUrl).toMatch(/\.srt\?/);
    expect(detailed.duration).toBe(5);
  });

  it("fails the video with HeyGen's failure_message", async () => {
    const { row, delivery } = await createVideo(`Please ${FAKE_MARKERS.fail}`);
    expect(JSON.parse(delivery.body).event_type).toBe("avatar_video.fail");
    const { status } = await deliver(replayDelivery(delivery));
    expect(status).toBe(200);
    expect(await reload(row.id)).toMatchObject({ status: "FAILED", error: "Video rendering failed", videoUrl: null });
  });

  it("changes nothing for a repeated event id, even with another body", async () => {
    const { row, delivery } = await createVideo();
    expect((await deliver(replayDelivery(delivery))).body.outcome).toBe("applied");
    const first = await reload(row.id);

    expect((await deliver(replayDelivery(delivery))).body.outcome).toBe("duplicate");
    const eventId = JSON.parse(delivery.body).event_id;
    const sameIdOtherBody = { ...failure(row.heygenVideoId!, row.id), event_id: eventId };
    expect((await deliver(signedV3(sameIdOtherBody))).body.outcome).toBe("duplicate");
    expect(await reload(row.id)).toEqual(first);
    expect(await db.heygenEvent.findMany()).toEqual([
      expect.objectContaining({ eventId, eventType: "avatar_video.success" }),
    ]);
    const log = await db.webhookDelivery.findMany({ where: { eventId }, orderBy: { receivedAt: "asc" } });
    expect(log.map((d) => [d.outcome, d.videoId])).toEqual([
      ["applied", row.id],
      ["duplicate", null],
      ["duplicate", null],
    ]);
  });

  it("applies one of five identical deliveries arriving together", async () => {
    const { delivery } = await createVideo();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => deliver(replayDelivery(delivery)).then((r) => r.body.outcome)),
    );
    expect(outcomes.sort()).toEqual(["applied", "duplicate", "duplicate", "duplicate", "duplicate"]);
  });

  it("never moves a finished video: fail after success, success after fail", async () => {
    const completed = (await createVideo()).row;
    await deliver(signedV3(success(completed.heygenVideoId!, completed.id)));
    expect((await deliver(signedV3(failure(completed.heygenVideoId!, completed.id)))).body.outcome).toBe("unchanged");
    expect(await reload(completed.id)).toMatchObject({ status: "COMPLETED", error: null });

    const failed = (await createVideo()).row;
    await deliver(signedV3(failure(failed.heygenVideoId!, failed.id)));
    expect((await deliver(signedV3(success(failed.heygenVideoId!, failed.id)))).body.outcome).toBe("unchanged");
    expect(await reload(failed.id)).toMatchObject({ status: "FAILED", videoUrl: null });
  });

  it.each([
    ["301 s old", -301],
    ["301 s in the future", 301],
  ])("refuses a timestamp %s with 401 and changes nothing", async (_label, offset) => {
    const { row } = await createVideo();
    const timestamp = String(Math.floor(Date.now() / 1000) + offset);
    const { status } = await deliver(signedV3(success(row.heygenVideoId!, row.id), { timestamp }));
    expect(status).toBe(401);
    expect((await reload(row.id)).status).toBe("PROCESSING");
  });

  it("accepts a timestamp 290 s old, and refuses a malformed one", async () => {
    const { row } = await createVideo();
    const malformed = await deliver(signedV3(success(row.heygenVideoId!, row.id), { timestamp: "yesterday" }));
    expect(malformed.status).toBe(401);
    const timestamp = String(Math.floor(Date.now() / 1000) - 290);
    expect((await deliver(signedV3(success(row.heygenVideoId!, row.id), { timestamp }))).status).toBe(200);
  });

  it.each([
    ["signed with another secret", { secret: "not-the-secret" }],
    ["malformed", { signature: "sha256=abc" }],
    ["short", { signature: "abcd" }],
  ])("refuses a signature %s with 401 and writes nothing", async (_label, options) => {
    const { row } = await createVideo();
    const before = await reload(row.id);
    expect((await deliver(signedV3(success(row.heygenVideoId!, row.id), options))).status).toBe(401);
    expect(await reload(row.id)).toEqual(before);
    expect(await db.heygenEvent.count()).toBe(0);
  });

  it("refuses a body changed after signing", async () => {
    const { row, delivery } = await createVideo();
    const forged = delivery.body.replace(/"video_url":"[^"]+"/, '"video_url":"https://evil.test/v.mp4"');
    expect((await deliver(deliveryRequest(forged, delivery.headers))).status).toBe(401);
    expect((await reload(row.id)).status).toBe("PROCESSING");
  });

  it("refuses bodies over 64 KiB with 413", async () => {
    const big = { event_type: "avatar_video.success", padding: "x".repeat(70_000) };
    expect((await deliver(signedV3(big))).status).toBe(413);
  });
});

describe("POST /api/heygen/callback: legacy signatures and every known shape", () => {
  it("applies a legacy delivery (Signature header, url, no event id)", async () => {
    const { row } = await createVideo();
    const legacy = {
      event_type: "avatar_video.success",
      event_data: { video_id: row.heygenVideoId, url: "https://cdn.test/legacy.mp4", callback_id: row.id },
    };
    expect((await deliver(signedLegacy(legacy))).body.outcome).toBe("applied");
    expect(await reload(row.id)).toMatchObject({ status: "COMPLETED", videoUrl: "https://cdn.test/legacy.mp4" });
    expect((await deliver(signedLegacy(legacy, "wrong-secret"))).status).toBe(401);
  });

  it.each([
    ["msg", { msg: "Blocked words detected" }, "Blocked words detected"],
    ["error as a string", { error: "MOVIO_PAYMENT_INSUFFICIENT_CREDIT" }, "MOVIO_PAYMENT_INSUFFICIENT_CREDIT"],
    ["error as an object", { error: { code: "E1", message: "Too long" } }, "Too long"],
    ["failure_message", { failure_code: "X", failure_message: "Render crashed" }, "Render crashed"],
  ])("reads the failure from %s", async (_label, data, message) => {
    const { row } = await createVideo();
    await deliver(signedV3(failure(row.heygenVideoId!, row.id, data)));
    expect(await reload(row.id)).toMatchObject({ status: "FAILED", error: message });
  });

  it("reads `event` instead of `event_type`, and a flat body without event_data", async () => {
    const first = (await createVideo()).row;
    const withEvent = {
      event: "avatar_video.success",
      event_data: { video_id: first.heygenVideoId, video_url: "https://cdn.test/a.mp4" },
    };
    expect((await deliver(signedLegacy(withEvent))).body.outcome).toBe("applied");

    const second = (await createVideo()).row;
    const flat = { video_id: second.heygenVideoId, status: "completed", url: "https://cdn.test/flat.mp4" };
    expect((await deliver(signedLegacy(flat))).body.outcome).toBe("applied");
    expect(await reload(second.id)).toMatchObject({ status: "COMPLETED", videoUrl: "https://cdn.test/flat.mp4" });
  });

  it("acknowledges other event types and unknown videos, changing nothing", async () => {
    const { row } = await createVideo();
    const gif = {
      event_id: "evt_gif",
      event_type: "avatar_video_gif.success",
      event_data: { video_id: row.heygenVideoId, url: "https://x.test/a.gif" },
    };
    expect(await deliver(signedV3(gif))).toMatchObject({ status: 200, body: { outcome: "ignored_event" } });
    expect(await deliver(signedV3(success("unknown-heygen-id", "unknown-callback-id")))).toMatchObject({
      status: 200,
      body: { outcome: "unknown_video" },
    });
    expect((await reload(row.id)).status).toBe("PROCESSING");
  });

  it("answers HeyGen's OPTIONS probe and a GET with 200", async () => {
    expect(OPTIONS().status).toBe(200);
    expect(GET().status).toBe(200);
  });
});

describe("POST /api/heygen/callback: matching by callback_id", () => {
  it("completes a video whose create answer was a gateway 502: one HeyGen job, COMPLETED, confirmed", async () => {
    const { row, delivery } = await createVideo(`Hello ${FAKE_MARKERS.gateway502}`);
    expect(row).toMatchObject({ status: "PENDING", heygenVideoId: null, unconfirmedReason: expect.any(String) });

    expect((await deliver(replayDelivery(delivery))).body.outcome).toBe("applied");
    const [job] = [...fakeHeygen.jobs.values()];
    expect(fakeHeygen.jobs.size).toBe(1);
    expect(await reload(row.id)).toMatchObject({
      status: "COMPLETED",
      heygenVideoId: job!.videoId,
      unconfirmedReason: null,
    });
  });

  it("handles a webhook that overtakes the create response", async () => {
    heygenServer.use(
      http.post("https://api.heygen.com/v3/videos", async ({ request }) => {
        const { callback_id } = (await request.json()) as { callback_id: string };
        await deliver(signedV3(success("fast-heygen-id", callback_id)));
        return HttpResponse.json({ data: { video_id: "fast-heygen-id", status: "waiting" } });
      }),
    );
    const response = await createVideoRoute(
      jsonRequest("/api/videos", validVideoInput, { cookie: await adminCookie() }),
    );
    expect(response.status).toBe(201);
    const { id, status } = await response.json();
    expect(status).toBe("COMPLETED");
    expect(await reload(id)).toMatchObject({ status: "COMPLETED", heygenVideoId: "fast-heygen-id" });
  });

  it("does not give a row tied to one HeyGen job the event of another", async () => {
    const row = await db.video.create({ data: { ...videoRow, status: "PROCESSING", heygenVideoId: "job-a" } });
    expect((await deliver(signedV3(success("job-b", row.id)))).body.outcome).toBe("unknown_video");
    expect((await reload(row.id)).status).toBe("PROCESSING");
  });
});
