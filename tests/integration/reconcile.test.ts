import { http, HttpResponse, passthrough } from "msw";
import { NextRequest } from "next/server";
import { describe, expect, inject, it, vi } from "vitest";
import { GET as getVideo } from "@/app/api/videos/[id]/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { GET as cronGet, POST as cronPost } from "@/app/api/cron/reconcile/route";
import { FAKE_MARKERS } from "@/mocks/heygen/fake-heygen";
import { startFakeHeygenServer } from "@/mocks/heygen/http-server";
import { db } from "@/server/db";
import { reconcileDue } from "@/server/reconcile/reconcile-due";
import { startReconcileTimer, stopReconcileTimer } from "@/server/reconcile/timer";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import { adminCookie, getRequest, jsonRequest, validVideoInput, videoRow } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { runScript } from "../support/run-script";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";
import { changesHeard } from "../support/video-changes";
import { waitFor } from "../support/wait-for";

const reload = (id: string) => db.video.findUniqueOrThrow({ where: { id } });

/** A video made through the API whose webhook never comes (the fake finishes it at once and delivers nothing). */
async function videoWithLostWebhook(script = `Hello ${FAKE_MARKERS.noWebhook}`) {
  const response = await createVideoRoute(
    jsonRequest("/api/videos", { ...validVideoInput, script }, { cookie: await adminCookie() }),
  );
  const { id } = await response.json();
  heygenRequests.length = 0;
  return id as string;
}

/** No news for `minutes`: as if the video had been made that long ago and nobody had asked HeyGen since. */
async function age(id: string, minutes: number) {
  const past = new Date(Date.now() - minutes * 60_000);
  await db.video.update({ where: { id }, data: { createdAt: past, heygenCheckedAt: null } });
  await changesHeard(); // the status route's cache has dropped the row
}

/** An account whose webhook events history has nothing (or was not kept): only the status endpoints can tell. */
const noEventsHistory = () =>
  heygenServer.use(
    http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/webhooks/events`, () =>
      HttpResponse.json({ data: [], has_more: false, next_token: null }),
    ),
  );

const poll = async (id: string) => {
  const { response, afterResponse } = await callRoute(() =>
    getVideo(getRequest(`/api/videos/${id}`), { params: Promise.resolve({ id }) }),
  );
  return { body: await response.json(), afterResponse };
};

describe("reconciliation: a lost webhook still ends the video", () => {
  it("on read: a poll of a stale video makes the app ask HeyGen, after answering", async () => {
    const id = await videoWithLostWebhook();
    const fresh = await poll(id);
    await fresh.afterResponse();
    expect(heygenRequests).toEqual([]); // news less than RECONCILE_AFTER_SECONDS old: nothing to ask

    await age(id, 3);
    const stale = await poll(id);
    expect(stale.body.status).toBe("PROCESSING");
    await stale.afterResponse();
    expect(heygenRequests).toEqual([`GET /v3/videos/${(await reload(id)).heygenVideoId}`]);
    const done = await reload(id);
    expect(done).toMatchObject({ status: "COMPLETED", duration: 5 });
    expect(done.videoUrl).toMatch(/\.mp4\?/);
  });

  it("on read: a thousand concurrent polls of one stale video make one HeyGen call", async () => {
    const id = await videoWithLostWebhook();
    await age(id, 3);
    const polls = await Promise.all(Array.from({ length: 1_000 }, () => poll(id)));
    await Promise.all(polls.map((p) => p.afterResponse()));
    expect(heygenRequests).toHaveLength(1);
    expect((await reload(id)).status).toBe("COMPLETED");
  }, 60_000);

  it("a run catches up on deliveries HeyGen recorded but never got through (its events history)", async () => {
    const lost = await videoWithLostWebhook();
    const failed = await videoWithLostWebhook(`Hello ${FAKE_MARKERS.noWebhook} ${FAKE_MARKERS.fail}`);
    await age(lost, 3);

    const summary = await reconcileDue();
    expect(summary).toMatchObject({ due: 1, caughtUpEvents: 2 });
    expect(heygenRequests[0]).toBe("GET /v3/webhooks/events");
    expect(await reload(lost)).toMatchObject({ status: "COMPLETED", duration: 5 });
    // Any lost delivery in the history is applied, stale or not.
    expect(await reload(failed)).toMatchObject({ status: "FAILED", error: "Video rendering failed" });
    const caughtUp = await db.webhookDelivery.findMany({ where: { scheme: "events_api" } });
    expect(caughtUp.map((d) => d.videoId).sort()).toEqual([lost, failed].sort());

    // The cursor moved on: the next run replays nothing.
    await age(lost, 3);
    expect((await reconcileDue()).caughtUpEvents).toBe(0);
  });

  it("a run checks stale videos with HeyGen's bulk status endpoint when the history has nothing", async () => {
    noEventsHistory();
    const lost = await videoWithLostWebhook();
    const failed = await videoWithLostWebhook(`Hello ${FAKE_MARKERS.noWebhook} ${FAKE_MARKERS.fail}`);
    const recent = await videoWithLostWebhook();
    await age(lost, 3);
    await age(failed, 3);

    expect(await reconcileDue()).toMatchObject({ due: 2, checked: 2, finished: 2 });
    expect(heygenRequests.filter((line) => line === "GET /v3/videos/statuses")).toHaveLength(1);
    expect(await reload(lost)).toMatchObject({ status: "COMPLETED" });
    expect(await reload(failed)).toMatchObject({ status: "FAILED", error: "Video rendering failed" });
    expect((await reload(recent)).status).toBe("PROCESSING"); // not stale yet: left alone
  });

  it("a video HeyGen still renders is asked about once per interval, however many runs", async () => {
    noEventsHistory();
    const id = await videoWithLostWebhook();
    heygenServer.use(
      http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/videos/statuses`, ({ request }) =>
        HttpResponse.json({
          data: new URL(request.url).searchParams
            .get("video_ids")!
            .split(",")
            .map((video_id) => ({ video_id, status: "processing", error: null })),
          has_more: false,
          next_token: null,
        }),
      ),
    );
    await age(id, 3);
    await reconcileDue();
    expect(heygenRequests.filter((line) => line === "GET /v3/videos/statuses")).toHaveLength(1);
    await reconcileDue();
    await reconcileDue();
    expect(heygenRequests.filter((line) => line === "GET /v3/videos/statuses")).toHaveLength(1);
    expect((await reload(id)).status).toBe("PROCESSING");
  });

  it("gives up on an unconfirmed video with no trace at HeyGen after 30 minutes, saying what to check", async () => {
    const row = await db.video.create({
      data: {
        ...videoRow,
        title: "Never reached HeyGen",
        status: "PENDING",
        unconfirmedReason: "HeyGen did not answer within 20 s",
      },
    });
    await age(row.id, 10);
    await reconcileDue();
    expect((await reload(row.id)).status).toBe("PENDING"); // 10 minutes: maybe still on its way

    await age(row.id, 31);
    await reconcileDue();
    const given = await reload(row.id);
    expect(given.status).toBe("FAILED");
    expect(given.error).toMatch(/never confirmed.*30 minutes.*Never reached HeyGen/s);
  });

  it("finds the job of an ambiguous create (gateway 502, lost webhook) and ends it right: one HeyGen job", async () => {
    noEventsHistory();
    const id = await videoWithLostWebhook(`Hello ${FAKE_MARKERS.gateway502} ${FAKE_MARKERS.noWebhook}`);
    expect(await reload(id)).toMatchObject({ status: "PENDING", heygenVideoId: null });
    await age(id, 3);
    await reconcileDue();
    const [job] = [...fakeHeygen.jobs.values()];
    expect(fakeHeygen.jobs.size).toBe(1);
    expect(await reload(id)).toMatchObject({
      status: "COMPLETED",
      heygenVideoId: job!.videoId,
      unconfirmedReason: null,
    });
  });

  it("prunes delivery log rows older than 30 days on every run", async () => {
    const day = 24 * 3600 * 1000;
    await db.webhookDelivery.createMany({
      data: [
        { scheme: "unsigned", outcome: "unknown_video", receivedAt: new Date(Date.now() - 31 * day) },
        { scheme: "unsigned", outcome: "unknown_video", receivedAt: new Date(Date.now() - 29 * day) },
      ],
    });
    expect((await reconcileDue()).pruned).toBe(1);
    expect(await db.webhookDelivery.count()).toBe(1);
    expect(heygenRequests).toEqual([]); // nothing due: no HeyGen call at all
  });

  it("the timer inside the server completes a video by itself", async () => {
    vi.stubEnv("RECONCILE_AFTER_SECONDS", "1");
    await restartProcess();
    const id = await videoWithLostWebhook();
    startReconcileTimer();
    try {
      const done = await waitFor(
        () => reload(id),
        (v) => v.status === "COMPLETED",
        8_000,
      );
      expect(done.status).toBe("COMPLETED");
    } finally {
      stopReconcileTimer();
    }
  }, 15_000);
});

describe("POST /api/cron/reconcile", () => {
  const cron = (handler: typeof cronPost, authorization?: string, method = "POST") =>
    handler(
      new NextRequest("http://app.test/api/cron/reconcile", {
        method,
        headers: authorization ? { authorization } : {},
      }),
    );

  it("answers 503 until CRON_SECRET is set, then 401 without the bearer token, and runs with it (POST or Vercel's GET)", async () => {
    expect((await cron(cronPost, "Bearer anything-at-all-long")).status).toBe(503);

    vi.stubEnv("CRON_SECRET", "cron-secret-of-at-least-16");
    await restartProcess();
    const id = await videoWithLostWebhook();
    await age(id, 3);
    expect((await cron(cronPost)).status).toBe(401);
    expect((await cron(cronPost, "Bearer wrong-secret-of-16-chars")).status).toBe(401);
    expect((await reload(id)).status).toBe("PROCESSING");

    const response = await cron(cronGet, "Bearer cron-secret-of-at-least-16", "GET");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ due: 1 });
    expect((await reload(id)).status).toBe("COMPLETED");
  });
});

describe("npm run reconcile", () => {
  it("completes a stale video from the command line", async () => {
    const heygen = await startFakeHeygenServer({ apiKey: "cli-key", renderMs: 0, deliverWebhooks: false });
    // This process's fetch goes through MSW: let it reach the real fake server.
    heygenServer.use(http.all(`${heygen.url}/*`, () => passthrough()));
    try {
      const created = await fetch(`${heygen.url}/v3/videos`, {
        method: "POST",
        headers: { "x-api-key": "cli-key", "content-type": "application/json" },
        body: JSON.stringify({ type: "avatar", avatar_id: videoRow.avatarId, script: "Hi", title: videoRow.title }),
      }).then((r) => r.json() as Promise<{ data: { video_id: string } }>);
      const row = await db.video.create({
        data: { ...videoRow, status: "PROCESSING", heygenVideoId: created.data.video_id },
      });
      await age(row.id, 3);

      const { code, output } = await runScript("reconcile", {
        DATABASE_URL: inject("databaseUrl"),
        HEYGEN_API_URL: heygen.url,
        HEYGEN_API_KEY: "cli-key",
        APP_URL: "https://videos.example.test",
        ADMIN_PASSWORD: "cli-admin-password",
        SESSION_SECRET: "cli-session-secret-of-at-least-32-chars",
        LOG_LEVEL: "silent",
      });
      expect(code, output).toBe(0);
      expect(output).toMatch(/Reconciled: 1 due/);
      expect((await reload(row.id)).status).toBe("COMPLETED");
    } finally {
      await heygen.close();
    }
  }, 60_000);
});
