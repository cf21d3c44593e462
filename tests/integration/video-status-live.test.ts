import pg from "pg";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { GET } from "@/app/api/videos/[id]/route";
import { videoEtag } from "@/lib/video-etag";
import { db } from "@/server/db";
import { videoCache } from "@/server/watch/video-cache";
import { videoChanges } from "@/server/watch/video-changes";
import { adminCookie, getRequest, signedV3, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { changesHeard } from "../support/video-changes";
import { waitFor } from "../support/wait-for";

const HOUR = 3600 * 1000;

async function poll(id: string, headers: Record<string, string> = {}, query = "") {
  const request = getRequest(`/api/videos/${id}${query}`, headers.cookie);
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  const { response } = await callRoute(() => GET(request, { params: Promise.resolve({ id }) }));
  return {
    status: response.status,
    etag: response.headers.get("etag"),
    cacheControl: response.headers.get("cache-control"),
    body: response.status === 200 ? await response.json() : null,
  };
}

const rendering = () =>
  db.video.create({
    data: { ...videoRow, status: "PROCESSING", heygenVideoId: `hg_${Math.random().toString(16).slice(2)}` },
  });

/** What HeyGen posts when the render is done, signed. */
const successWebhook = (video: { id: string; heygenVideoId: string | null }) =>
  signedV3({
    event_id: `evt_${Math.random().toString(16).slice(2)}`,
    event_type: "avatar_video.success",
    event_data: {
      video_id: video.heygenVideoId,
      callback_id: video.id,
      video_url: "https://resource.heygen.ai/v.mp4?Expires=4102444800",
    },
  });

/** Another app instance (or a script): its own connection to the same database. */
async function otherInstance<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

afterEach(() => vi.restoreAllMocks());

describe("GET /api/videos/[id] for a crowd", () => {
  it("tags each version with an ETag the player can compute itself, and answers 304 while it is current", async () => {
    const video = await rendering();
    const first = await poll(video.id);
    expect(first.etag).toBe(videoEtag(first.body));
    const again = await poll(video.id, { "if-none-match": first.etag! });
    expect(again).toMatchObject({ status: 304, etag: first.etag, cacheControl: "no-cache" });
    expect((await poll(video.id, { "if-none-match": '"older"' })).status).toBe(200);
  });

  it("serves a crowd of viewers from one database read", async () => {
    const video = await rendering();
    await changesHeard(); // listening: cached rows live until a change (or a 5 s safety lifetime)
    const reads = vi.spyOn(db.video, "findUnique");
    const answers = await Promise.all(Array.from({ length: 200 }, () => poll(video.id)));
    for (let i = 0; i < 50; i++) answers.push(await poll(video.id));
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200]));
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it("drops its copy when another instance changes the video, the moment PostgreSQL says so", async () => {
    const video = await rendering();
    expect((await poll(video.id)).body.status).toBe("PROCESSING");
    await otherInstance((client) =>
      client.query(`UPDATE "Video" SET status = 'FAILED', error = 'x', "completedAt" = now() WHERE id = $1`, [
        video.id,
      ]),
    );
    await changesHeard();
    expect((await poll(video.id)).body.status).toBe("FAILED");
  });

  it("keeps HeyGen's own failure message (the admin's view) out of every shared cache", async () => {
    const video = await db.video.create({
      data: { ...videoRow, status: "FAILED", error: "MOVIO_PAYMENT_INSUFFICIENT_CREDIT" },
    });
    const viewer = await poll(video.id);
    const admin = await poll(video.id, { cookie: await adminCookie() });
    expect(admin.body.error).toBe("MOVIO_PAYMENT_INSUFFICIENT_CREDIT");
    expect(admin.cacheControl).toBe("private, no-store");
    expect(viewer.body.error).not.toBe(admin.body.error);
    expect(viewer.etag).not.toBe(admin.etag);
  });

  it.each([
    ["48 h", 48 * HOUR, 300, 60],
    ["63 min", 63 * 60 * 1000, 180, 0],
  ])(
    "lets a CDN keep a finished video whose URLs expire in %s a few minutes, never past an hour before they do",
    async (_, expiresIn, shared, stale) => {
      const video = await db.video.create({
        data: {
          ...videoRow,
          status: "COMPLETED",
          heygenVideoId: "hg_done",
          videoUrl: "https://resource.heygen.ai/v.mp4",
          mediaExpiresAt: new Date(Date.now() + expiresIn),
          completedAt: new Date(),
          detailsAt: new Date(),
        },
      });
      const [, maxAge, sMaxAge, swr] = /^public, max-age=(\d+), s-maxage=(\d+), stale-while-revalidate=(\d+)$/
        .exec((await poll(video.id)).cacheControl!)!
        .map(Number);
      expect(maxAge).toBe(60);
      expect(sMaxAge).toBeGreaterThan(shared - 30); // less the seconds the test took
      expect(sMaxAge).toBeLessThanOrEqual(shared);
      expect(swr).toBe(stale);
    },
  );
});

describe("GET /api/videos/[id]?wait=N: the viewer's long-poll", () => {
  it("holds while nothing changes and answers the webhook's result the moment it is applied", async () => {
    const video = await rendering();
    const { etag } = await poll(video.id);
    const reads = vi.spyOn(videoCache, "read");
    let answered = false;
    const held = poll(video.id, { "if-none-match": etag! }, "?wait=10").finally(() => (answered = true));
    // It had its chance to answer: it has read the (unchanged) video, and everything queued after that read has run.
    await waitFor(
      () => reads.mock.results.length,
      (count) => count > 0,
    );
    await reads.mock.results[0]!.value;
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false); // it was held...
    const { response } = await callRoute(() => callback(successWebhook(video)));
    expect(response.status).toBe(200);
    const appliedAt = Date.now();
    const answer = await held;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "COMPLETED", videoUrl: expect.stringContaining("v.mp4") });
    expect(Date.now() - appliedAt).toBeLessThan(1_000); // ...and woken at once, not at the end of the wait
  });

  it("answers 304 when the wait ends without a change", async () => {
    const video = await rendering();
    const { etag } = await poll(video.id);
    const started = Date.now();
    expect((await poll(video.id, { "if-none-match": etag! }, "?wait=1")).status).toBe(304);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("answers at once when the caller's version is already out of date", async () => {
    const video = await rendering();
    const started = Date.now();
    const answer = await poll(video.id, { "if-none-match": '"stale"' }, "?wait=25");
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it.each([["26"], ["-1"], ["soon"], [""]])("refuses wait=%j with 400 naming wait", async (wait) => {
    const video = await rendering();
    const request = getRequest(`/api/videos/${video.id}?wait=${wait}`);
    const { response } = await callRoute(() => GET(request, { params: Promise.resolve({ id: video.id }) }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "invalid_input", field: "wait" });
  });

  it("stays right when the LISTEN connection drops: it reconnects, and what changed meanwhile is read afresh", async () => {
    const video = await rendering();
    await changesHeard(); // listening
    expect((await poll(video.id)).body.status).toBe("PROCESSING");
    await otherInstance(async (client) => {
      await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN video_changed'`);
      await client.query(`UPDATE "Video" SET status = 'FAILED', error = 'x', "completedAt" = now() WHERE id = $1`, [
        video.id,
      ]);
    });
    const answer = await waitFor(
      () => poll(video.id),
      (latest) => latest.body.status === "FAILED",
      5_000,
    );
    expect(answer.body.status).toBe("FAILED");
    await waitFor(() => videoChanges.isLive(), Boolean, 5_000);
  });
});
