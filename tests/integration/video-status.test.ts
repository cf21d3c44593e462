import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/videos/[id]/route";
import { db } from "@/server/db";
import { heygenRequests, heygenServer } from "../support/heygen";
import { adminCookie, getRequest, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";

const fetchVideo = async (id: string, options: { cookie?: string; query?: string } = {}) => {
  const request = getRequest(`/api/videos/${encodeURIComponent(id)}${options.query ?? ""}`, options.cookie);
  const { response } = await callRoute(() => GET(request, { params: Promise.resolve({ id }) }));
  return response;
};

const HOUR = 3600 * 1000;

/** A completed video whose job the fake knows, with media URLs expiring at `expiresAt`. */
async function completedVideo(expiresAt: Date) {
  const job = await fetch(`${TEST_ENV.HEYGEN_API_URL}/v3/videos`, {
    method: "POST",
    headers: { "x-api-key": TEST_ENV.HEYGEN_API_KEY, "content-type": "application/json" },
    body: JSON.stringify({ type: "avatar", avatar_id: videoRow.avatarId, script: "Hi", title: videoRow.title }),
  }).then((r) => r.json() as Promise<{ data: { video_id: string } }>);
  const stale = `https://resource.heygen.ai/old.mp4?Expires=${Math.floor(expiresAt.getTime() / 1000)}`;
  heygenRequests.length = 0;
  return db.video.create({
    data: {
      ...videoRow,
      status: "COMPLETED",
      heygenVideoId: job.data.video_id,
      videoUrl: stale,
      mediaExpiresAt: expiresAt,
      completedAt: new Date(),
      detailsAt: new Date(),
    },
  });
}

describe("GET /api/videos/[id]", () => {
  it("returns the public fields only, revalidated on every use while the video renders", async () => {
    const video = await db.video.create({ data: { ...videoRow, status: "PROCESSING", heygenVideoId: "secret-ish" } });
    const response = await fetchVideo(video.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(await response.json()).toEqual({
      id: video.id,
      title: "Welcome",
      description: null,
      status: "PROCESSING",
      aspectRatio: "16:9",
      resolution: "1080p",
      videoUrl: null,
      thumbnailUrl: null,
      subtitleUrl: null,
      duration: null,
      error: null,
      unconfirmed: false,
      createdAt: video.createdAt.toISOString(),
      completedAt: null,
      settled: false,
      languages: [],
    });
  });

  it("lets a finished video be cached briefly", async () => {
    const video = await completedVideo(new Date(Date.now() + 48 * HOUR));
    const response = await fetchVideo(video.id);
    expect(response.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    expect((await response.json()).videoUrl).toBe(video.videoUrl);
    expect(heygenRequests).toEqual([]);
  });

  it("tells viewers a failure in plain words, and the admin HeyGen's own message", async () => {
    const video = await db.video.create({
      data: { ...videoRow, status: "FAILED", error: "MOVIO_PAYMENT_INSUFFICIENT_CREDIT: quota 0" },
    });
    expect((await (await fetchVideo(video.id)).json()).error).toBe("Something went wrong while it was being made.");
    const admin = await fetchVideo(video.id, { cookie: await adminCookie() });
    expect((await admin.json()).error).toBe("MOVIO_PAYMENT_INSUFFICIENT_CREDIT: quota 0");
    expect(admin.headers.get("cache-control")).toBe("private, no-store");
  });

  it.each([
    ["does-not-exist"],
    ["a\u0000b"],
    ["../../etc/passwd"],
    ["' OR 1=1 --"],
    ["x".repeat(500)],
    ["ABCDEFGHIJKLMNOPQRSTUVWX"],
  ])("answers 404, never 500, for %j", async (id) => {
    const response = await fetchVideo(id);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });
});

describe("GET /api/videos/[id]: expiring media URLs", () => {
  it.each([
    ["expired", -HOUR],
    ["expiring within the hour", HOUR / 2],
  ])("refreshes an %s URL from HeyGen before serving it", async (_label, offset) => {
    const video = await completedVideo(new Date(Date.now() + offset));
    const body = await (await fetchVideo(video.id)).json();
    expect(heygenRequests).toEqual([`GET /v3/videos/${video.heygenVideoId}`]);
    expect(body.videoUrl).toMatch(/^https:\/\/api\.heygen\.com\/media\/.+\.mp4\?Expires=\d+/);
    const row = await db.video.findUniqueOrThrow({ where: { id: video.id } });
    expect(row.videoUrl).toBe(body.videoUrl);
    expect(row.mediaExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 24 * HOUR);
  });

  it("refreshes once for many concurrent viewers", async () => {
    const video = await completedVideo(new Date(Date.now() - HOUR));
    const bodies = await Promise.all(Array.from({ length: 20 }, async () => (await fetchVideo(video.id)).json()));
    expect(heygenRequests).toHaveLength(1);
    expect(new Set(bodies.map((body) => body.videoUrl)).size).toBe(1);
  });

  it("refreshes on the player's request (?fresh) at most once per interval", async () => {
    const video = await completedVideo(new Date(Date.now() + 48 * HOUR));
    await fetchVideo(video.id, { query: "?fresh=1" });
    await fetchVideo(video.id, { query: "?fresh=1" });
    expect(heygenRequests).toEqual([`GET /v3/videos/${video.heygenVideoId}`]);
  });

  it("serves what it has when HeyGen cannot be reached", async () => {
    const video = await completedVideo(new Date(Date.now() + HOUR / 2));
    heygenServer.use(http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/videos/:id`, () => HttpResponse.error()));
    const response = await fetchVideo(video.id);
    expect(response.status).toBe(200);
    expect((await response.json()).videoUrl).toBe(video.videoUrl);
  });
});
