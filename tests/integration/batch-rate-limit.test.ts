import { http } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { apiError } from "@/mocks/heygen/api";
import { db } from "@/server/db";
import { fakeHeygen, heygenServer } from "../support/heygen";
import { batchWorkers, planPresenter, planScript, triggerBatch } from "../support/plan";
import { TEST_ENV } from "../support/test-env";
import { waitFor } from "../support/wait-for";

const QUEUE = vi.hoisted(() => {
  const settings = {
    QUEUE_SUBMIT_INTERVAL_MS: "400",
    QUEUE_MAX_IN_FLIGHT: "5",
    QUEUE_MAX_ATTEMPTS: "2",
    QUEUE_JOB_TIMEOUT_SECONDS: "8",
  };
  Object.assign(process.env, settings);
  return settings;
});
const INTERVAL_MS = Number(QUEUE.QUEUE_SUBMIT_INTERVAL_MS);
const CREATE = `${TEST_ENV.HEYGEN_API_URL}/v3/videos`;
/** The queue's documented backoff when HeyGen's 429 says nothing of when to come back: 5 s after the first one. */
const FIRST_BACKOFF_MS = 5_000;
/** How late after its wait the queue may send again: a job that stepped aside comes back on pg-boss's next polls. */
const RESUME_SLACK_MS = 4_000;

/** Every create request that reached HeyGen, in order: when, for which video (callback_id), and what it answered. */
type Send = { at: number; callbackId: string; status: number };
let sends: Send[] = [];
const workers = batchWorkers();

beforeEach(() => {
  sends = [];
});

/** HeyGen refuses the first `refusals` creates with a 429 (`retryAfter`: its header, or none), then makes the rest. */
function refuseCreates(refusals: number, retryAfter: string | null) {
  heygenServer.use(
    http.post(CREATE, async ({ request }) => {
      const { callback_id: callbackId } = (await request.clone().json()) as { callback_id: string };
      const refused = sends.length < refusals;
      sends.push({ at: Date.now(), callbackId, status: refused ? 429 : 200 });
      if (!refused) return undefined; // on to the fake HeyGen, which makes the video
      return apiError(429, "rate_limit_exceeded", "Too many requests", null, {
        headers: retryAfter === null ? {} : { "retry-after": retryAfter },
      });
    }),
  );
}

/** Presenters carrying #daily and one script for it: a batch of one item per presenter, queued through the route. */
async function seedAndTrigger(names: string[]) {
  for (const name of names) await planPresenter(name, ["daily"]);
  await planScript("2026-12-01", "Day 1", { tag: "daily" }, "News of the day.");
  expect(await triggerBatch("2026-12")).toMatchObject({ queued: names.length });
}

const gapsOf = (times: number[]) => times.slice(1).map((at, index) => at - times[index]!);

describe("the queue after HeyGen's 429", () => {
  it.each([
    ["Retry-After: 1", "1", 1_000],
    ["Retry-After: 2", "2", 2_000],
    ["no Retry-After (the first backoff)", null, FIRST_BACKOFF_MS],
  ])(
    "%s: no worker sends anything before the wait is over, then the refused video goes once, at the pace",
    async (_, retryAfter, waitMs) => {
      refuseCreates(1, retryAfter);
      await seedAndTrigger(["Anna", "Ben", "Cleo"]);
      await workers.start(2); // each takes its own jobs: only the database's gate paces them together
      const items = await waitFor(
        () => db.batchItem.findMany({ include: { video: true } }),
        (rows) => rows.every((row) => row.status === "SENT"),
        waitMs + RESUME_SLACK_MS + 6_000,
      );
      expect(items.map((row) => row.status)).toEqual(["SENT", "SENT", "SENT"]);

      // The refusal went back to the queue, not into a retry inside the HeyGen client: one 429, then one create
      // per item, every one of them after the wait HeyGen asked for (from whichever worker), none much later.
      const [refusal, ...after] = sends;
      expect(sends.map((send) => send.status)).toEqual([429, 200, 200, 200]);
      for (const send of after) expect(send.at - refusal!.at).toBeGreaterThanOrEqual(waitMs);
      expect(after[0]!.at - refusal!.at).toBeLessThan(waitMs + RESUME_SLACK_MS);

      // The refused item (attempts 1) was sent again exactly once, as a new video; each item has one job at HeyGen.
      const refused = items.find((row) => row.attempts === 1)!;
      expect(items.map((row) => row.attempts).sort()).toEqual([0, 0, 1]);
      expect(after.map((send) => send.callbackId).sort()).toEqual(items.map((row) => row.videoId).sort());
      expect(after.filter((send) => send.callbackId === refused.videoId)).toHaveLength(1);
      expect(refusal!.callbackId).not.toBe(refused.videoId);
      expect(fakeHeygen.jobs.size).toBe(3);
      expect(await db.video.count()).toBe(3);

      // After the wait the pace holds: claims exactly one interval apart, requests within a little jitter of them.
      const claimed = items.map((row) => row.submittedAt!.getTime()).sort((a, b) => a - b);
      expect(Math.min(...gapsOf(claimed))).toBeGreaterThanOrEqual(INTERVAL_MS);
      expect(Math.min(...gapsOf(after.map((send) => send.at)))).toBeGreaterThanOrEqual(INTERVAL_MS - 150);
    },
    30_000,
  );

  it("holds every worker for the wait of the 429 that makes it give up on an item, too", async () => {
    refuseCreates(2, "2");
    await seedAndTrigger(["Anna"]);
    await workers.start(2); // each takes its own jobs: only the database's gate paces them together
    // QUEUE_MAX_ATTEMPTS is 2: the item's second 429 fails it (the gate is held before it is marked FAILED).
    const [failed] = await waitFor(
      () => db.batchItem.findMany(),
      (rows) => rows[0]?.status === "FAILED",
      10_000,
    );
    expect(failed).toMatchObject({ status: "FAILED", attempts: 2, error: expect.stringContaining("gave up after 2") });
    // The admin asks for what is missing at once: the pair goes in a new batch, whose create waits HeyGen's wait out.
    expect(await triggerBatch("2026-12")).toMatchObject({ queued: 1 });
    await waitFor(
      () => db.batchItem.count({ where: { status: "SENT" } }),
      (count) => count === 1,
      8_000,
    );
    expect(sends.map((send) => send.status)).toEqual([429, 429, 200]);
    expect(sends[2]!.at - sends[1]!.at).toBeGreaterThanOrEqual(2_000);
    expect(fakeHeygen.jobs.size).toBe(1);
  });
});
