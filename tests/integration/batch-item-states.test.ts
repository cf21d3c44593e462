import { http } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as cancelRoute } from "@/app/api/admin/batches/[id]/cancel/route";
import { apiError } from "@/mocks/heygen/api";
import { db } from "@/server/db";
import { MAX_RETRY_AFTER_SECONDS } from "@/server/heygen/http";
import { heygenServer } from "../support/heygen";
import { batchWorkers, planPresenter, planScript, triggerBatch } from "../support/plan";
import { adminCookie, jsonRequest } from "../support/requests";
import { TEST_ENV } from "../support/test-env";
import { waitFor } from "../support/wait-for";

// A HeyGen call may outlast the moment another job presumes its worker dead (HEYGEN_TIMEOUT_MS + 5 s: a stalled
// process); here the held call must not time out while the test acts, so the timeout is long.
vi.hoisted(() => Object.assign(process.env, { HEYGEN_TIMEOUT_MS: "10000" }));

const CREATE = `${TEST_ENV.HEYGEN_API_URL}/v3/videos`;
let cookie: string;
const workers = batchWorkers();
/** Create requests that reached HeyGen. */
let creates = 0;
heygenServer.events.on("request:start", ({ request }) => {
  if (request.method === "POST" && new URL(request.url).pathname === "/v3/videos") creates += 1;
});

beforeEach(async () => {
  cookie = await adminCookie();
  creates = 0;
});

/** One presenter and one script for December: a batch of one item, queued through the route. */
async function triggerOne() {
  await planPresenter("Anna", ["daily"]);
  await planScript("2026-12-01", "Day 1", { tag: "daily" }, "News of the day.");
  const { batchId } = (await triggerBatch("2026-12")) as { batchId: string };
  return { batchId, item: await db.batchItem.findFirstOrThrow() };
}

/** The item's job ran to its end (evidence that the worker had its chance). */
const jobDone = (itemId: string) =>
  waitFor(
    () =>
      db.$queryRaw<Array<{ state: string }>>`
        SELECT state::text FROM pgboss.job WHERE name = 'batch-item-submit' AND data->>'itemId' = ${itemId}`,
    (jobs) => jobs.length > 0 && jobs.every((job) => job.state === "completed"),
    10_000,
  );

describe("a batch item moves only from the states its table allows", () => {
  it("is never sent once a cancel wins the race with its claim, and leaves no video behind", async () => {
    const { batchId, item } = await triggerOne();
    // Hold new video rows back: the claim reads the item QUEUED, then waits to record its video.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = db.$transaction(
      async (tx) => {
        await tx.$executeRaw`LOCK TABLE "Video" IN SHARE MODE`;
        locked();
        await released;
      },
      { timeout: 15_000 },
    );
    await isLocked;
    await workers.start();
    await waitFor(
      () =>
        db.$queryRaw<Array<{ waiting: number }>>`
          SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted AND relation = '"Video"'::regclass`,
      ([row]) => row!.waiting > 0,
      5_000,
    );
    const cancel = await cancelRoute(
      jsonRequest(`/api/admin/batches/${batchId}/cancel`, {}, { cookie }) as never,
      { params: Promise.resolve({ id: batchId }) } as never,
    );
    expect(cancel.status).toBe(200);
    release();
    await holding;

    expect((await jobDone(item.id)).map((job) => job.state)).toEqual(["completed"]);
    expect(await db.batchItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      status: "CANCELLED",
      videoId: null,
      liveKey: null,
    });
    expect(await db.video.count()).toBe(0);
    expect(creates).toBe(0);
  });

  it("stays sent when its worker's late answer comes after another job settled it as stalled", async () => {
    const { item } = await triggerOne();
    // HeyGen answers the create only when the test says so: a 429 (made nothing) whose wait the client does not take.
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    heygenServer.use(
      http.post(
        CREATE,
        async () => {
          await answered;
          return apiError(429, "rate_limit_exceeded", "Too many requests", null, {
            headers: { "retry-after": String(MAX_RETRY_AFTER_SECONDS + 1) },
          });
        },
        { once: true },
      ),
    );
    await workers.start();
    await waitFor(
      () => creates,
      (count) => count === 1,
      5_000,
    );
    // Long enough for the next job to presume its worker dead: that job settles the item (SENT, its video
    // unconfirmed), as a second worker would.
    await db.$executeRaw`UPDATE "BatchItem" SET "submittedAt" = "submittedAt" - interval '1 minute' WHERE "id" = ${item.id}`;
    const { submitItem } = await import("@/server/batches/submit-item");
    expect(await submitItem(item.id)).toEqual({ kind: "finished" });
    const settled = await db.batchItem.findUniqueOrThrow({ where: { id: item.id }, include: { video: true } });
    expect(settled).toMatchObject({ status: "SENT", video: { unconfirmedReason: expect.stringContaining("worker") } });
    answer();

    await jobDone(item.id);
    // The first worker's requeue was refused: the item keeps its video and is never sent again.
    expect(await db.batchItem.findUniqueOrThrow({ where: { id: item.id }, include: { video: true } })).toMatchObject({
      status: "SENT",
      attempts: 0,
      videoId: settled.videoId,
      video: { status: "PENDING", unconfirmedReason: settled.video!.unconfirmedReason },
    });
    expect(creates).toBe(1);
  });
});
