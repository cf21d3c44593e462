import { http, HttpResponse } from "msw";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET, OPTIONS, POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { db } from "@/server/db";
import { fakeHeygen, heygenServer } from "../support/heygen";
import { adminCookie, jsonRequest, validVideoInput, webhookRequest } from "../support/requests";

/** A video created through the API, so HeyGen (the fake) knows its job. */
async function processingVideo() {
  const response = await createVideoRoute(jsonRequest("/api/videos", validVideoInput, { cookie: await adminCookie() }));
  const { id } = await response.json();
  return db.video.findUniqueOrThrow({ where: { id } });
}

const success = (videoId: string, callbackId: string | null, url = `https://resource.heygen.ai/video/${videoId}.mp4?Expires=1`) => ({
  event_type: "avatar_video.success",
  event_data: { video_id: videoId, url, callback_id: callbackId, gif_download_url: null, video_share_page_url: null, folder_id: "" },
});
const failure = (videoId: string, callbackId: string | null, msg = "Avatar could not be rendered") => ({
  event_type: "avatar_video.fail",
  event_data: { video_id: videoId, msg, callback_id: callbackId },
});

async function deliver(payload: unknown, options?: Parameters<typeof webhookRequest>[1]) {
  const response = await callback(webhookRequest(payload, options));
  return { status: response.status, body: await response.json() };
}

describe("POST /api/heygen/callback", () => {
  it("completes the video from avatar_video.success, with the render's poster and duration", async () => {
    const video = await processingVideo();
    const url = "https://resource.heygen.ai/video/x.mp4?Expires=1735689600&Signature=abc";
    const { status, body } = await deliver(success(video.heygenVideoId!, video.id, url));
    expect(status).toBe(200);
    expect(body.outcome).toBe("applied");

    const row = await db.video.findUniqueOrThrow({ where: { id: video.id } });
    expect(row).toMatchObject({ status: "COMPLETED", videoUrl: url, error: null });
    expect(row.completedAt).not.toBeNull();
    expect(row.thumbnailUrl).toMatch(/\.jpg/);
    expect(row.duration).toBeGreaterThan(0);
  });

  it("fails the video from avatar_video.fail with HeyGen's message", async () => {
    const video = await processingVideo();
    const { status } = await deliver(failure(video.heygenVideoId!, video.id, "Blocked words detected"));
    expect(status).toBe(200);
    const row = await db.video.findUniqueOrThrow({ where: { id: video.id } });
    expect(row).toMatchObject({ status: "FAILED", error: "Blocked words detected", videoUrl: null });
  });

  it("applies a duplicate event once and changes nothing the second time", async () => {
    const video = await processingVideo();
    await deliver(success(video.heygenVideoId!, video.id));
    const first = await db.video.findUniqueOrThrow({ where: { id: video.id } });

    const { status, body } = await deliver(success(video.heygenVideoId!, video.id, "https://elsewhere.test/v.mp4"));
    expect(status).toBe(200);
    expect(body.outcome).toBe("unchanged");
    expect(await db.video.findUniqueOrThrow({ where: { id: video.id } })).toEqual(first);
  });

  it("never moves a terminal status backwards: fail after success, success after fail", async () => {
    const completed = await processingVideo();
    await deliver(success(completed.heygenVideoId!, completed.id));
    expect((await deliver(failure(completed.heygenVideoId!, completed.id))).body.outcome).toBe("unchanged");
    expect(await db.video.findUniqueOrThrow({ where: { id: completed.id } })).toMatchObject({ status: "COMPLETED", error: null });

    const failed = await processingVideo();
    await deliver(failure(failed.heygenVideoId!, failed.id));
    expect((await deliver(success(failed.heygenVideoId!, failed.id))).body.outcome).toBe("unchanged");
    expect(await db.video.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "FAILED", videoUrl: null });
  });

  it("applies one of many identical events delivered at the same time", async () => {
    const video = await processingVideo();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => deliver(success(video.heygenVideoId!, video.id)).then((r) => r.body.outcome)),
    );
    expect(outcomes.filter((outcome) => outcome === "applied")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "unchanged")).toHaveLength(4);
  });

  it("handles a webhook that overtakes the generate response", async () => {
    heygenServer.use(
      http.post("https://api.heygen.com/v2/video/generate", async ({ request }) => {
        const { callback_id } = (await request.json()) as { callback_id: string };
        // HeyGen finishes and calls back before our generate request has even stored its id.
        await deliver(success("fast-heygen-id", callback_id));
        return HttpResponse.json({ error: null, data: { video_id: "fast-heygen-id" } });
      }),
    );
    const response = await createVideoRoute(jsonRequest("/api/videos", validVideoInput, { cookie: await adminCookie() }));
    expect(response.status).toBe(201);
    const { id, status } = await response.json();
    expect(status).toBe("COMPLETED");
    expect(await db.video.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "COMPLETED",
      heygenVideoId: "fast-heygen-id",
    });
  });

  it("finds a video by callback_id when HeyGen's id was never stored (crash after generate)", async () => {
    const video = await db.video.create({ data: { ...validVideoInput, status: "PENDING" } });
    const { body } = await deliver(success("heygen-id-we-never-saved", video.id));
    expect(body.outcome).toBe("applied");
    expect(await db.video.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({
      status: "COMPLETED",
      heygenVideoId: "heygen-id-we-never-saved",
    });
  });

  it("answers 200 and changes nothing for an unknown video", async () => {
    const video = await processingVideo();
    const before = await db.video.findUniqueOrThrow({ where: { id: video.id } });
    const { status, body } = await deliver(success("unknown-heygen-id", "unknown-callback-id"));
    expect(status).toBe(200);
    expect(body.outcome).toBe("unknown_video");
    expect(await db.video.findUniqueOrThrow({ where: { id: video.id } })).toEqual(before);
  });

  it("answers 200 and changes nothing for event types it does not handle", async () => {
    const video = await processingVideo();
    const before = await db.video.findUniqueOrThrow({ where: { id: video.id } });
    const { status, body } = await deliver({
      event_type: "avatar_video_gif.success",
      event_data: { video_id: video.heygenVideoId, url: "https://x.test/a.gif", callback_id: video.id },
    });
    expect(status).toBe(200);
    expect(body.outcome).toBe("ignored_event");
    expect(await db.video.findUniqueOrThrow({ where: { id: video.id } })).toEqual(before);
  });

  it("tolerates the flat event shape", async () => {
    const video = await processingVideo();
    await deliver({ video_id: video.heygenVideoId, status: "completed", url: "https://cdn.test/flat.mp4" });
    expect(await db.video.findUniqueOrThrow({ where: { id: video.id } })).toMatchObject({
      status: "COMPLETED",
      videoUrl: "https://cdn.test/flat.mp4",
    });
  });

  it.each([
    ["missing", { signature: null }],
    ["signed with another secret", { secret: "not-the-secret" }],
    ["malformed", { signature: "sha256=abc" }],
    ["short", { signature: "abcd" }],
  ])("refuses a %s signature with 401 and writes nothing", async (_label, options) => {
    const video = await processingVideo();
    const before = await db.video.findUniqueOrThrow({ where: { id: video.id } });
    const { status } = await deliver(success(video.heygenVideoId!, video.id), options);
    expect(status).toBe(401);
    expect(await db.video.findUniqueOrThrow({ where: { id: video.id } })).toEqual(before);
  });

  it("refuses a body changed after signing", async () => {
    const video = await processingVideo();
    const signed = JSON.stringify(failure(video.heygenVideoId!, video.id));
    const request = webhookRequest(signed);
    const tampered = new NextRequest(request.url, {
      method: "POST",
      headers: request.headers,
      body: JSON.stringify(success(video.heygenVideoId!, video.id)),
    });
    expect((await callback(tampered)).status).toBe(401);
    expect((await db.video.findUniqueOrThrow({ where: { id: video.id } })).status).toBe("PROCESSING");
  });

  it("refuses bodies over 64 KiB with 413", async () => {
    const big = { event_type: "avatar_video.success", padding: "x".repeat(70_000) };
    expect((await deliver(big)).status).toBe(413);
  });

  it("answers HeyGen's OPTIONS check and a GET with 200", async () => {
    expect(OPTIONS().status).toBe(200);
    expect(GET().status).toBe(200);
  });

  it("the fake's own job registry agrees with what was stored", async () => {
    const video = await processingVideo();
    expect(fakeHeygen.jobs.get(video.heygenVideoId!)?.callbackId).toBe(video.id);
  });
});
