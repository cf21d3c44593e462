import { afterAll, afterEach, expect } from "vitest";
import { POST as previewRoute } from "@/app/api/admin/batches/preview/route";
import { POST as triggerRoute } from "@/app/api/admin/batches/route";
import { db } from "@/server/db";
import { A_VOICE, LANDSCAPE_LOOK } from "./heygen";
import { adminCookie, jsonRequest } from "./requests";

/**
 * The content plan's seeding, for the plan and batch tests: presenters and scripts in the database, the batch preview
 * and trigger called through their routes, and the queue's workers started and stopped around each test.
 */

/** A presenter the fake HeyGen renders for (its landscape look and a voice), carrying `tags`. */
export const planPresenter = (name: string, tags: string[] = [], { active = true } = {}) =>
  db.presenter.create({
    data: {
      name,
      avatarId: LANDSCAPE_LOOK.id,
      voiceId: A_VOICE.voice_id,
      aspectRatio: "16:9",
      resolution: "720p",
      tags,
      active,
    },
  });

/** A script of the plan on `date` (YYYY-MM-DD), for every presenter carrying a tag or for one presenter. */
export const planScript = (
  date: string,
  title: string,
  target: { tag: string } | { presenterId: string },
  script = "Hello.",
) => db.planScript.create({ data: { date: new Date(`${date}T00:00:00Z`), title, script, ...target } });

/** What "Generate what is missing" would make of `month`, narrowed by `selection` (a tag, presenters). */
export async function previewBatch(month: string, selection: object = {}) {
  const body = { month, ...selection };
  const response = await previewRoute(jsonRequest("/api/admin/batches/preview", body, { cookie: await adminCookie() }));
  expect(response.status).toBe(200);
  return response.json();
}

/** "Generate what is missing" for `month`, as the admin's button sends it: the route's answer. */
export async function triggerBatch(month: string) {
  const response = await triggerRoute(jsonRequest("/api/admin/batches", { month }, { cookie: await adminCookie() }));
  return response.json();
}

/**
 * The queue's workers a file's tests start in this process. They stop after each test (they must be idle before the
 * next test empties the tables they work on), and the queue after the file.
 */
export function batchWorkers() {
  const running: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of running.splice(0)) await stop();
  });
  afterAll(async () => {
    const { queue } = await import("@/server/batches/queue");
    await (await queue()).stop({ graceful: false, wait: true });
  });
  return {
    /** Workers run until `count` do (one by default): calling it again in a test starts no more. */
    async start(count = 1) {
      const { startWorker } = await import("@/server/batches/worker");
      while (running.length < count) running.push(await startWorker());
    },
  };
}
