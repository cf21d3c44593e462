import { delay, getResponse, http, HttpResponse } from "msw";
import type { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { db } from "@/server/db";
import { RENDER_DETAIL_CALLS_AT_ONCE, RENDER_DETAILS_QUIET_MS } from "@/server/media/render-details";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import {
  adminCookie,
  jsonRequest,
  replayDelivery,
  signedLegacy,
  signedV3,
  validVideoInput,
  videoRow,
} from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";

/** A video made through the API (the fake renders it at once), with HeyGen's own success delivery for it. */
async function renderedVideo(cookie?: string) {
  const response = await createVideoRoute(
    jsonRequest("/api/videos", validVideoInput, { cookie: cookie ?? (await adminCookie()) }),
  );
  const { id } = await response.json();
  const row = await db.video.findUniqueOrThrow({ where: { id } });
  const delivery = fakeHeygen.outbox.find((d) => JSON.parse(d.body).event_data.callback_id === id)!;
  return { row, delivery };
}

/** Several at once (one login: concurrent first logins race on the session table). */
async function renderedVideos(count: number) {
  const cookie = await adminCookie();
  return Promise.all(Array.from({ length: count }, () => renderedVideo(cookie)));
}

const deliver = (request: NextRequest) => callRoute(() => callback(request));
const reload = (id: string) => db.video.findUniqueOrThrow({ where: { id } });
const detailCalls = () => heygenRequests.filter((request) => /^GET \/v3\/videos\/[^/]+$/.test(request));

describe("POST /api/heygen/callback: one atomic step per signed event", () => {
  it("writes the event id, the status change and the delivery log together or not at all", async () => {
    const { row, delivery } = await renderedVideo();
    // The delivery log refuses its row: the status change and the event id must not stay without it.
    await db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_delivery() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'log refused'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_delivery BEFORE INSERT ON "WebhookDelivery" FOR EACH ROW EXECUTE FUNCTION refuse_delivery()`,
    );
    try {
      const { response } = await deliver(replayDelivery(delivery));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: { code: "internal_error", message: expect.any(String) } });
      expect(await reload(row.id)).toMatchObject({ status: "PROCESSING", videoUrl: null });
      expect(await db.heygenEvent.count()).toBe(0);
    } finally {
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_delivery() CASCADE`);
    }

    const { response, afterResponse } = await deliver(replayDelivery(delivery));
    expect(await response.json()).toMatchObject({ outcome: "applied" });
    await afterResponse();
    expect(await reload(row.id)).toMatchObject({ status: "COMPLETED" });
    expect(await db.webhookDelivery.findMany({ select: { outcome: true, videoId: true } })).toEqual([
      { outcome: "applied", videoId: row.id },
    ]);
  });

  it("stores times in UTC whatever the server's time zone", async () => {
    const { row, delivery } = await renderedVideo();
    vi.stubEnv("TZ", "America/New_York"); // restored after the test (unstubEnvs)
    await deliver(replayDelivery(delivery));
    const { completedAt } = await reload(row.id);
    expect(Math.abs(completedAt!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("asks HeyGen about a success that carries no video URL, after answering, and completes it from HeyGen's record", async () => {
    const { row } = await renderedVideo();
    heygenRequests.length = 0;
    const event = {
      event_id: "evt_no_url",
      event_type: "avatar_video.success",
      event_data: { video_id: row.heygenVideoId, callback_id: row.id },
    };

    const { response, afterResponse } = await deliver(signedV3(event));
    expect(await response.json()).toMatchObject({ outcome: "needs_check" });
    expect(heygenRequests).toEqual([]);
    await afterResponse();
    expect(heygenRequests).toEqual([`GET /v3/videos/${row.heygenVideoId}`]);
    expect(await reload(row.id)).toMatchObject({
      status: "COMPLETED",
      videoUrl: expect.stringMatching(/\.mp4/),
      duration: 5,
    });
    const log = await db.webhookDelivery.findMany({ select: { outcome: true, videoId: true, eventId: true } });
    expect(log).toEqual([{ outcome: "needs_check", videoId: row.id, eventId: "evt_no_url" }]);
  });
});

describe("POST /api/heygen/callback: render details after a burst of webhooks", () => {
  it("answers every webhook first, then gives every video its poster and duration, a few HeyGen calls at a time", async () => {
    const videos = await renderedVideos(6);
    heygenRequests.length = 0;
    let inFlight = 0;
    let mostAtOnce = 0;
    heygenServer.use(
      http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/videos/:videoId`, async ({ request }) => {
        mostAtOnce = Math.max(mostAtOnce, ++inFlight);
        try {
          await delay(20);
          return await getResponse(fakeHeygen.handlers, request);
        } finally {
          inFlight--;
        }
      }),
    );

    const calls = await Promise.all(videos.map(({ delivery }) => deliver(replayDelivery(delivery))));
    for (const { response } of calls) expect(await response.json()).toMatchObject({ outcome: "applied" });
    expect(detailCalls()).toEqual([]);

    await Promise.all(calls.map(({ afterResponse }) => afterResponse()));
    expect(detailCalls()).toHaveLength(videos.length);
    expect(mostAtOnce).toBe(RENDER_DETAIL_CALLS_AT_ONCE);
    for (const { row } of videos) {
      expect(await reload(row.id)).toMatchObject({
        status: "COMPLETED",
        thumbnailUrl: expect.stringMatching(/\.jpg\?/),
        duration: 5,
      });
    }
  });
});

describe("POST /api/heygen/callback: render details wait for a burst of webhooks to pause", () => {
  it("fetches no details while success webhooks keep coming, then all of them", async () => {
    const videos = await renderedVideos(3);
    const detailsAt: number[] = [];
    heygenServer.use(
      http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/videos/:videoId`, ({ request }) => {
        detailsAt.push(Date.now());
        return getResponse(fakeHeygen.handlers, request);
      }),
    );

    const pending: Array<Promise<void>> = [];
    let lastWebhookAt = 0;
    for (const { delivery } of videos) {
      const { response, afterResponse } = await deliver(replayDelivery(delivery));
      expect(response.status).toBe(200);
      // Measured, not assumed from the delay below: on a loaded machine a timer can overshoot by tens of ms.
      lastWebhookAt = Date.now();
      pending.push(afterResponse()); // answered: its after() work starts now
      await delay(RENDER_DETAILS_QUIET_MS / 2);
    }
    expect(detailsAt).toEqual([]);

    await Promise.all(pending);
    expect(detailsAt).toHaveLength(videos.length);
    expect(Math.min(...detailsAt) - lastWebhookAt).toBeGreaterThanOrEqual(RENDER_DETAILS_QUIET_MS - 20);
    for (const { row } of videos)
      expect(await reload(row.id)).toMatchObject({ thumbnailUrl: expect.stringMatching(/\.jpg\?/), duration: 5 });
  });
});

describe("POST /api/heygen/callback: HeyGen's id reaches the row whichever answer comes first", () => {
  it("records HeyGen's id from a late create answer on a video a webhook without a video id already finished", async () => {
    heygenServer.use(
      http.post(`${TEST_ENV.HEYGEN_API_URL}/v3/videos`, async ({ request }) => {
        const { callback_id } = (await request.json()) as { callback_id: string };
        // A legacy delivery that names only our id: it completes the row, which does not know HeyGen's id yet.
        const legacy = {
          event_type: "avatar_video.success",
          event_data: { callback_id, url: "https://cdn.test/early.mp4" },
        };
        const { response } = await deliver(signedLegacy(legacy));
        expect(await response.json()).toMatchObject({ outcome: "applied" });
        return HttpResponse.json({ data: { video_id: "late-heygen-id", status: "waiting" } });
      }),
    );
    const response = await createVideoRoute(
      jsonRequest("/api/videos", validVideoInput, { cookie: await adminCookie() }),
    );
    const { id } = await response.json();
    expect(await reload(id)).toMatchObject({
      status: "COMPLETED",
      videoUrl: "https://cdn.test/early.mp4",
      heygenVideoId: "late-heygen-id",
    });
  });

  it("records HeyGen's id from a signed webhook the state machine refuses (a video given up on, found at last)", async () => {
    const row = await db.video.create({
      data: {
        ...videoRow,
        status: "FAILED",
        error: "No trace at HeyGen",
        unconfirmedReason: "The create answer was lost",
      },
    });
    const event = {
      event_id: "evt_late",
      event_type: "avatar_video.success",
      event_data: { video_id: "found-at-last", callback_id: row.id, video_url: "https://cdn.test/v.mp4" },
    };
    const { response } = await deliver(signedV3(event));
    expect(await response.json()).toMatchObject({ outcome: "unchanged" });
    expect(await reload(row.id)).toMatchObject({
      status: "FAILED",
      videoUrl: null,
      heygenVideoId: "found-at-last",
      unconfirmedReason: null,
    });
  });
});
