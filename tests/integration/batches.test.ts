import { http } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { POST as cancelRoute } from "@/app/api/admin/batches/[id]/cancel/route";
import { POST as pauseRoute } from "@/app/api/admin/batches/[id]/pause/route";
import { POST as resumeRoute } from "@/app/api/admin/batches/[id]/resume/route";
import { POST as previewRoute } from "@/app/api/admin/batches/preview/route";
import { POST as triggerRoute } from "@/app/api/admin/batches/route";
import { apiError } from "@/mocks/heygen/api";
import { db } from "@/server/db";
import { SUBMIT_QUEUE } from "@/server/batches/queue";
import { fakeHeygen, heygenServer, LANDSCAPE_LOOK } from "../support/heygen";
import { batchWorkers, planPresenter, planScript } from "../support/plan";
import { adminCookie, jsonRequest, replayDelivery } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";
import { waitFor } from "../support/wait-for";

const QUEUE = vi.hoisted(() => {
  const settings = {
    QUEUE_SUBMIT_INTERVAL_MS: "400",
    QUEUE_MAX_IN_FLIGHT: "2",
    QUEUE_JOB_TIMEOUT_SECONDS: "8",
    ADMIN_API_TOKEN: "a-monthly-job-token-of-32-characters!!",
  };
  Object.assign(process.env, settings);
  return settings;
});
const INTERVAL_MS = Number(QUEUE.QUEUE_SUBMIT_INTERVAL_MS);
const MONTH = "2026-12";
const CREATE = `${TEST_ENV.HEYGEN_API_URL}/v3/videos`;

let cookie: string;
const workers = batchWorkers();
/** When each create request reached HeyGen, in ms. */
const createdAt: number[] = [];
heygenServer.events.on("request:start", ({ request }) => {
  if (request.method === "POST" && new URL(request.url).pathname === "/v3/videos") createdAt.push(Date.now());
});

beforeEach(async () => {
  cookie = await adminCookie();
  createdAt.length = 0;
});

/** Two presenters carrying #daily (one more, inactive), and `days` scripts for the tag: 2 × days videos. */
async function seedMonth(days: number) {
  const presenters = [
    await planPresenter("Anna", ["daily"]),
    await planPresenter("Ben", ["daily"]),
    await planPresenter("Old", ["daily"], { active: false }),
  ];
  for (let day = 1; day <= days; day++) {
    const date = `${MONTH}-${String(day).padStart(2, "0")}`;
    await planScript(date, `Day ${day}`, { tag: "daily" }, `News of day ${day}. `.repeat(10));
  }
  return presenters;
}

type Handler = (request: never, context: never) => Promise<Response>;
async function call(
  handler: Handler,
  path: string,
  body: unknown = {},
  options: { id?: string; headers?: Record<string, string>; cookie?: string | null } = {},
) {
  const request = jsonRequest(path, body, { cookie: options.cookie === null ? undefined : (options.cookie ?? cookie) });
  for (const [name, value] of Object.entries(options.headers ?? {})) request.headers.set(name, value);
  const response = await handler(request as never, { params: Promise.resolve({ id: options.id ?? "" }) } as never);
  return { status: response.status, body: await response.json() };
}

const trigger = (body: unknown = { month: MONTH }, options?: Parameters<typeof call>[3]) =>
  call(triggerRoute, "/api/admin/batches", body, options);
const gapsOf = (times: number[]) => times.slice(1).map((at, index) => at - times[index]!);
/**
 * The queue's jobs for these items, in pg-boss's own table: `completed` means a worker took the job and finished with
 * it (sent the item, or looked and let it be), the evidence that the worker had its chance at that item.
 */
const jobsOf = (itemIds: string[]) =>
  db.$queryRaw<Array<{ itemId: string; state: string }>>`
    SELECT data->>'itemId' AS "itemId", state::text AS "state" FROM pgboss.job
    WHERE name = ${SUBMIT_QUEUE} AND data->>'itemId' = ANY(${itemIds}) ORDER BY created_on`;
const allDone = (jobs: Array<{ state: string }>) => jobs.length > 0 && jobs.every((job) => job.state === "completed");
const items = () => db.batchItem.findMany({ include: { video: true }, orderBy: { createdAt: "asc" } });

/** Completes every rendered video by replaying HeyGen's own signed deliveries into the webhook. */
async function deliverRenders() {
  for (const delivery of fakeHeygen.outbox.splice(0)) await callRoute(() => callback(replayDelivery(delivery)));
}

describe("Generate what is missing: preview and trigger", () => {
  it("counts the missing videos and their cost, then queues each (script, presenter) pair once however many triggers race", async () => {
    await seedMonth(3);
    const preview = await call(previewRoute, "/api/admin/batches/preview", { month: MONTH });
    expect(preview.body).toMatchObject({ missing: 6, skipped: 0, errors: [] });
    expect(preview.body.costUsd).toBeCloseTo(preview.body.seconds * 0.1, 5);

    const [first, second] = await Promise.all([trigger(), trigger()]);
    expect([first.body.queued, second.body.queued].sort()).toEqual([0, 6]);
    expect(first.body.queued + first.body.skipped).toBe(6);
    expect(second.body.queued + second.body.skipped).toBe(6);
    const again = await trigger();
    expect(again).toEqual({
      status: 200,
      body: { batchId: null, queued: 0, skipped: 6, translations: { queued: 0, skipped: 0 }, errors: [] },
    });
    expect(await db.batch.count()).toBe(1);
    expect(await db.batchItem.count()).toBe(6);
  });

  it("narrows to a tag or to presenters, and names scripts that cannot be made", async () => {
    const [anna] = await seedMonth(2);
    await planScript(`${MONTH}-05`, "Evening", { tag: "evening" }, "Good evening.");
    const preview = await call(previewRoute, "/api/admin/batches/preview", { month: MONTH, presenterIds: [anna!.id] });
    expect(preview.body).toMatchObject({
      missing: 2,
      errors: [{ date: "2026-12-05", title: "Evening", message: "No active presenter carries #evening." }],
    });
    const bad = await call(previewRoute, "/api/admin/batches/preview", { month: "2026-13" });
    expect(bad).toMatchObject({ status: 400, body: { error: { field: "month" } } });
  });

  it("takes ADMIN_API_TOKEN as a bearer token, and refuses a wrong one or none (401, nothing queued)", async () => {
    await seedMonth(1);
    const bearer = (token: string) => ({ cookie: null, headers: { authorization: `Bearer ${token}` } });
    expect((await trigger(undefined, { cookie: null })).status).toBe(401);
    expect((await trigger(undefined, bearer("not-the-token-but-long-enough-to-look-real"))).status).toBe(401);
    expect((await trigger(undefined, { headers: { authorization: "Bearer wrong" } })).status).toBe(401); // a wrong token is not rescued by a session
    expect(await db.batchItem.count()).toBe(0);
    const accepted = await trigger(undefined, bearer(QUEUE.ADMIN_API_TOKEN));
    expect(accepted).toMatchObject({ status: 201, body: { queued: 2, skipped: 0 } });
    expect(await db.batch.findFirst()).toMatchObject({ requestedBy: "api" });
  });
});

describe("the queue", () => {
  it("sends each item once, one create per interval, never more than the in-flight cap rendering", async () => {
    await seedMonth(3);
    await trigger();
    await workers.start();
    // Two render (the cap), the rest wait for a video to finish.
    const capped = await waitFor(items, (rows) => rows.filter((row) => row.status === "SENT").length === 2, 5_000);
    // The worker has had a third item in hand and stepped aside (its job finished, the item re-queued for later).
    const waiting = capped.filter((row) => row.status === "QUEUED").map((row) => row.id);
    const looked = await waitFor(
      () => jobsOf(waiting),
      (jobs) => jobs.some((job) => job.state === "completed"),
      8_000,
    );
    expect(looked.map((job) => job.state)).toContain("completed");
    expect(createdAt).toHaveLength(2);

    for (let round = 0; round < 3; round++) {
      await deliverRenders();
      await waitFor(
        () => createdAt.length,
        (count) => count >= Math.min(6, 2 * (round + 2)),
        8_000,
      );
    }
    await deliverRenders();
    const rows = await waitFor(items, (all) => all.every((row) => row.video?.status === "COMPLETED"), 8_000);
    expect(rows.map((row) => row.video?.status)).toEqual(Array(6).fill("COMPLETED"));
    expect(fakeHeygen.jobs.size).toBe(6);
    expect(new Set([...fakeHeygen.jobs.values()].map((job) => job.callbackId)).size).toBe(6);
    // Claims are spaced by the interval exactly (the database's clock, under the gate's lock); the requests reach
    // HeyGen as the machine schedules them after their claim, within a little jitter.
    const claimed = rows.map((row) => row.submittedAt!.getTime()).sort((a, b) => a - b);
    expect(Math.min(...gapsOf(claimed))).toBeGreaterThanOrEqual(INTERVAL_MS);
    expect(Math.min(...gapsOf(createdAt))).toBeGreaterThanOrEqual(INTERVAL_MS - 150);
  });

  it("counts only the queue's own videos against the cap: Studio renders do not hold a batch back", async () => {
    await seedMonth(1);
    for (const title of ["Studio one", "Studio two", "Studio three"]) {
      await db.video.create({
        data: {
          title,
          script: "Hi",
          avatarId: LANDSCAPE_LOOK.id,
          aspectRatio: "16:9",
          resolution: "720p",
          status: "PROCESSING",
        },
      });
    }
    await trigger();
    await workers.start();
    const rows = await waitFor(items, (all) => all.every((row) => row.status === "SENT"), 5_000);
    expect(rows.map((row) => row.status)).toEqual(["SENT", "SENT"]);
  });

  it("pauses, resumes and cancels: a paused batch sends nothing, a cancelled one never sends its queued items", async () => {
    await seedMonth(2);
    const { body } = await trigger();
    const id = body.batchId as string;
    expect((await call(pauseRoute, "/api/admin/batches/x/pause", {}, { id })).body).toEqual({ status: "paused" });
    await workers.start();
    // The worker takes each of the paused batch's jobs, sees the pause and lets the item be.
    const itemIds = (await items()).map((row) => row.id);
    const looked = await waitFor(
      () => jobsOf(itemIds),
      (jobs) => jobs.length === 4 && allDone(jobs),
      8_000,
    );
    expect(looked.map((job) => job.state)).toEqual(Array(4).fill("completed"));
    expect(createdAt).toHaveLength(0);
    expect((await items()).map((row) => row.status)).toEqual(Array(4).fill("QUEUED"));

    expect((await call(resumeRoute, "/api/admin/batches/x/resume", {}, { id })).body).toEqual({ status: "running" });
    await waitFor(
      () => createdAt.length,
      (count) => count >= 1,
      5_000,
    );
    expect((await call(cancelRoute, "/api/admin/batches/x/cancel", {}, { id })).body).toEqual({ status: "cancelled" });
    // Every job the resume gave the batch has had its turn: the one in hand finished, the others found the cancel.
    const settled = await waitFor(() => jobsOf(itemIds), allDone, 8_000);
    expect(settled.filter((job) => job.state !== "completed")).toEqual([]);
    const rows = await items();
    const sent = rows.filter((row) => row.status === "SENT").length;
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sent).toBeLessThan(4);
    expect(createdAt).toHaveLength(sent);
    expect(rows.filter((row) => row.status === "CANCELLED")).toHaveLength(4 - sent);
    expect(rows.filter((row) => row.status === "CANCELLED").every((row) => row.liveKey === null)).toBe(true);
    expect((await call(resumeRoute, "/api/admin/batches/x/resume", {}, { id })).status).toBe(409);
    expect((await call(pauseRoute, "/api/admin/batches/x/pause", {}, { id: "nope" })).status).toBe(404);
    // What was cancelled is missing again.
    expect((await call(previewRoute, "/api/admin/batches/preview", { month: MONTH })).body).toMatchObject({
      missing: 4 - sent,
      skipped: sent,
    });
  });

  it("never resends an item a dead worker left mid-request: its video is left unconfirmed for reconciliation", async () => {
    await seedMonth(1);
    await trigger({
      month: MONTH,
      presenterIds: [(await db.presenter.findFirstOrThrow({ where: { name: "Anna" } })).id],
    });
    // As a worker that claimed the item and died before HeyGen answered would leave it.
    const [item] = await items();
    const video = await db.video.create({
      data: {
        title: "Day 1",
        script: "x",
        avatarId: LANDSCAPE_LOOK.id,
        aspectRatio: "16:9",
        resolution: "720p",
        status: "PENDING",
      },
    });
    await db.batchItem.update({
      where: { id: item!.id },
      data: { status: "SUBMITTING", videoId: video.id, submittedAt: new Date(Date.now() - 60_000) },
    });
    await workers.start();
    const { sweepBatches } = await import("@/server/batches/sweep");
    await sweepBatches();
    const [settled] = await waitFor(items, (rows) => rows[0]?.status === "SENT", 5_000);
    expect(settled!.video).toMatchObject({
      status: "PENDING",
      unconfirmedReason: expect.stringContaining("worker stopped"),
    });
    expect(createdAt).toHaveLength(0);
  });

  it("gives a queued item whose job was lost a new one when a worker starts, and sends it once", async () => {
    await seedMonth(1);
    await trigger({
      month: MONTH,
      presenterIds: [(await db.presenter.findFirstOrThrow({ where: { name: "Anna" } })).id],
    });
    // As if the process died between the trigger's commit and its enqueue, some minutes ago.
    await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'batch-item-submit'`);
    await db.$executeRaw`UPDATE "BatchItem" SET "updatedAt" = now() - interval '3 minutes'`;
    await workers.start();
    const [item] = await waitFor(items, (rows) => rows[0]?.status === "SENT", 5_000);
    expect(item?.status).toBe("SENT");
    expect(createdAt).toHaveLength(1);
  });

  it("pauses the batch when HeyGen refuses the account (out of credits), keeping the item queued with the reason", async () => {
    await seedMonth(1);
    heygenServer.use(http.post(CREATE, () => apiError(402, "insufficient_credit", "Not enough credits")));
    const { body } = await trigger();
    await workers.start();
    const batch = await waitFor(
      () => db.batch.findUniqueOrThrow({ where: { id: body.batchId } }),
      (row) => row.status === "PAUSED",
      5_000,
    );
    expect(batch.status).toBe("PAUSED");
    const rows = await items();
    expect(rows.map((row) => row.status).sort()).toEqual(["QUEUED", "QUEUED"]);
    expect(rows.find((row) => row.error)?.error).toMatch(/credits/);
    expect(createdAt).toHaveLength(1);
    expect(await db.video.count()).toBe(0);
  });

  it("fails an item HeyGen refuses (400) with HeyGen's words for the admin, and keeps no failed video for viewers", async () => {
    await seedMonth(1);
    const sentIds: string[] = [];
    heygenServer.use(
      http.post(CREATE, async ({ request }) => {
        sentIds.push(((await request.clone().json()) as { callback_id: string }).callback_id);
        return apiError(400, "invalid_parameter", "voice_id is invalid", "voice_id");
      }),
    );
    await trigger({
      month: MONTH,
      presenterIds: [(await db.presenter.findFirstOrThrow({ where: { name: "Anna" } })).id],
    });
    await workers.start();
    const [item] = await waitFor(items, (rows) => rows[0]?.status === "FAILED", 5_000);
    expect(item).toMatchObject({
      status: "FAILED",
      attempts: 1,
      videoId: null,
      error: expect.stringContaining("voice"),
    });
    expect(sentIds).toHaveLength(1);
    expect(await db.video.count()).toBe(0);
  });
});
