import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { GET } from "@/app/api/videos/[id]/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { db } from "@/server/db";
import { reconcileDue } from "@/server/reconcile/reconcile-due";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import { adminCookie, getRequest, jsonRequest, replayDelivery, validVideoInput, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";
import { changesHeard } from "../support/video-changes";

const MINUTE = 60 * 1000;

/** A video made through the API (the fake renders it at once), with HeyGen's own success delivery for it. */
async function renderedVideo() {
  const response = await createVideoRoute(jsonRequest("/api/videos", validVideoInput, { cookie: await adminCookie() }));
  const { id } = (await response.json()) as { id: string };
  const delivery = fakeHeygen.outbox.find((d) => JSON.parse(d.body).event_data.callback_id === id)!;
  const row = await db.video.findUniqueOrThrow({ where: { id } });
  return { id, heygenVideoId: row.heygenVideoId!, delivery };
}

/**
 * Completed by HeyGen's signed webhook in a process that died right after answering: its after() work, the render
 * details, never ran.
 */
async function completedWithoutDetails() {
  const video = await renderedVideo();
  const { response, afterResponse } = await callRoute(() => callback(replayDelivery(video.delivery)));
  expect(await response.json()).toMatchObject({ outcome: "applied" });
  heygenRequests.length = 0;
  return { ...video, afterResponse };
}

/** As if it had completed `minutes` ago, and nobody had asked HeyGen about it since. */
async function completedAgo(id: string, minutes: number) {
  const past = new Date(Date.now() - minutes * MINUTE);
  await db.video.update({ where: { id }, data: { createdAt: past, completedAt: past, heygenCheckedAt: null } });
  await changesHeard(); // the status route's cache has dropped the row
}

async function poll(id: string, headers: Record<string, string> = {}, query = "") {
  const request = getRequest(`/api/videos/${id}${query}`);
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  const { response, afterResponse } = await callRoute(() => GET(request, { params: Promise.resolve({ id }) }));
  return {
    status: response.status,
    etag: response.headers.get("etag"),
    cacheControl: response.headers.get("cache-control"),
    body: response.status === 200 ? await response.json() : null,
    afterResponse,
  };
}

const reload = (id: string) => db.video.findUniqueOrThrow({ where: { id } });
const heygenSaysNoSuchVideo = () =>
  heygenServer.use(
    http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/videos/:id`, () =>
      HttpResponse.json({ error: { code: "not_found", message: "Video not found" } }, { status: 404 }),
    ),
  );

describe("GET /api/videos/[id]: settled", () => {
  it("is false while rendering and until a completed video's details land, true once they have, and for a failure", async () => {
    const rendering = await db.video.create({ data: { ...videoRow, status: "PROCESSING", heygenVideoId: "hg_r" } });
    expect((await poll(rendering.id)).body).toMatchObject({ status: "PROCESSING", settled: false });

    const video = await completedWithoutDetails();
    const completed = await poll(video.id);
    expect(completed.body).toMatchObject({ status: "COMPLETED", thumbnailUrl: null, settled: false });
    expect(completed.cacheControl).toBe("no-cache"); // still changing: no shared cache may keep it

    await video.afterResponse(); // the render details
    await changesHeard();
    const settled = await poll(video.id);
    expect(settled.body).toMatchObject({ status: "COMPLETED", duration: 5, settled: true });
    expect(settled.cacheControl).toMatch(/^public, max-age=\d+, s-maxage=\d+/);

    const failed = await db.video.create({ data: { ...videoRow, status: "FAILED", error: "Avatar not found" } });
    expect((await poll(failed.id)).body).toMatchObject({ status: "FAILED", settled: true });
  });

  it("answers a held long-poll the moment the details land", async () => {
    const video = await completedWithoutDetails();
    const { etag } = await poll(video.id);
    const held = poll(video.id, { "if-none-match": etag! }, "?wait=10");
    await video.afterResponse();
    const landedAt = Date.now();
    const answer = await held;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ settled: true, duration: 5, thumbnailUrl: expect.stringMatching(/\.jpg\?/) });
    expect(Date.now() - landedAt).toBeLessThan(1_000);
  });

  it("answers a held long-poll when a video settles without its details (nothing else about it changes)", async () => {
    const video = await completedWithoutDetails();
    heygenSaysNoSuchVideo();
    const { etag, body } = await poll(video.id);
    expect(body.settled).toBe(false);
    const held = poll(video.id, { "if-none-match": etag! }, "?wait=10");
    await reconcileDue(new Date(Date.now() + 11 * MINUTE)); // past DETAILS_GIVE_UP_MS
    const settledAt = Date.now();
    const answer = await held;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ...body, settled: true });
    expect(Date.now() - settledAt).toBeLessThan(1_000);
  });
});

describe("render details lost to a dead process are refilled", () => {
  it("by a reconciliation run, through the same HeyGen call as every other path", async () => {
    const video = await completedWithoutDetails();
    await completedAgo(video.id, 1);
    expect(await reconcileDue()).toMatchObject({ due: 0, refilled: 0 }); // its details may still be on their way

    await completedAgo(video.id, 3);
    expect(await reconcileDue()).toMatchObject({ due: 1, refilled: 1 });
    expect(heygenRequests.filter((request) => request.startsWith("GET /v3/videos/"))).toEqual([
      `GET /v3/videos/${video.heygenVideoId}`,
    ]);
    const row = await reload(video.id);
    expect(row).toMatchObject({ duration: 5, thumbnailUrl: expect.stringMatching(/\.jpg\?/) });
    expect(row.detailsAt).not.toBeNull();
    await changesHeard();
    expect((await poll(video.id)).body.settled).toBe(true);

    heygenRequests.length = 0;
    await completedAgo(video.id, 3);
    expect(await reconcileDue()).toMatchObject({ due: 0 }); // settled: never asked about again
    expect(heygenRequests).toEqual([]);
  });

  it("by a viewer's poll, after the answer", async () => {
    const video = await completedWithoutDetails();
    await completedAgo(video.id, 3);
    const viewer = await poll(video.id);
    expect(viewer.body.settled).toBe(false);
    expect(heygenRequests).toEqual([]);
    await viewer.afterResponse();
    expect(heygenRequests).toEqual([`GET /v3/videos/${video.heygenVideoId}`]);
    expect(await reload(video.id)).toMatchObject({ duration: 5, detailsAt: expect.any(Date) });
  });

  it("until HeyGen cannot give them 10 minutes after completion: then the video settles without them", async () => {
    const video = await completedWithoutDetails();
    heygenSaysNoSuchVideo();
    await completedAgo(video.id, 3);
    expect(await reconcileDue()).toMatchObject({ due: 1, refilled: 0, settledWithoutDetails: 0 });
    expect((await reload(video.id)).detailsAt).toBeNull(); // asked, HeyGen did not answer it: asked again later

    const later = new Date(Date.now() + 8 * MINUTE); // 11 minutes after completion
    expect(await reconcileDue(later)).toMatchObject({ due: 1, refilled: 0, settledWithoutDetails: 1 });
    expect(await reload(video.id)).toMatchObject({ thumbnailUrl: null, detailsAt: later });

    heygenRequests.length = 0;
    expect(await reconcileDue(new Date(later.getTime() + 10 * MINUTE))).toMatchObject({ due: 0 });
    expect(heygenRequests).toEqual([]);
  });
});
