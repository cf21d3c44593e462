import { http } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getBatchRoute } from "@/app/api/admin/batches/[id]/route";
import { GET as matrixRoute } from "@/app/api/admin/plan/matrix/route";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { apiError } from "@/mocks/heygen/api";
import { db } from "@/server/db";
import { fakeHeygen, heygenServer } from "../support/heygen";
import { batchWorkers, planPresenter, planScript, previewBatch, triggerBatch } from "../support/plan";
import { adminCookie, getRequest, replayDelivery } from "../support/requests";
import { planDraft, rejectDraft } from "../support/review";
import { completedVideo } from "../support/completed-video";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";
import { waitFor } from "../support/wait-for";

/**
 * Plan translations (issue 19): "Generate what is missing" also queues, per (script, presenter) pair, one item per
 * language of the presenter; each is sent once its pair's video is completed, through the same queue (gate, pace,
 * cap, 429). The fake HeyGen answers in-process; its renders finish at once, and a test completes the videos by
 * replaying HeyGen's own webhook deliveries.
 */

const QUEUE = vi.hoisted(() => {
  const settings = {
    QUEUE_SUBMIT_INTERVAL_MS: "100",
    QUEUE_MAX_IN_FLIGHT: "50",
    QUEUE_MAX_ATTEMPTS: "3",
    QUEUE_JOB_TIMEOUT_SECONDS: "8",
    QUEUE_TRANSLATION_WAIT_SECONDS: "1",
  };
  Object.assign(process.env, settings);
  return settings;
});
const INTERVAL_MS = Number(QUEUE.QUEUE_SUBMIT_INTERVAL_MS);
const MONTH = "2026-12";
const LANGUAGES = ["Hindi (India)", "Spanish (Spain)"];
const TRANSLATION_CREATE = `${TEST_ENV.HEYGEN_API_URL}/v3/video-translations`;

type Create = { at: number; kind: "video" | "translation"; callbackId: string; status?: number };
/** Every create request that reached HeyGen: when, which kind, for which row (callback_id). */
let creates: Create[] = [];
heygenServer.events.on("request:start", async ({ request }) => {
  const url = new URL(request.url);
  if (request.method !== "POST") return;
  const kind =
    url.pathname === "/v3/videos" ? "video" : url.pathname === "/v3/video-translations" ? "translation" : null;
  if (!kind) return;
  const at = Date.now();
  const body = (await request.clone().json()) as { callback_id: string };
  creates.push({ at, kind, callbackId: body.callback_id });
});

const workers = batchWorkers();

beforeEach(() => {
  creates = [];
});

/** Anna speaks Hindi and Spanish; `days` scripts for her, one a day: `days` videos and 2 × `days` translations. */
async function seedMonth(days: number, script = (day: number) => `News of day ${day}. `.repeat(5)) {
  const anna = await planPresenter("Anna");
  await db.presenter.update({ where: { id: anna.id }, data: { languages: LANGUAGES } });
  for (let day = 1; day <= days; day++) {
    const date = `${MONTH}-${String(day).padStart(2, "0")}`;
    await planScript(date, `Day ${day}`, { presenterId: anna.id }, script(day));
  }
  return anna;
}

/** Completes every finished render by replaying HeyGen's own signed deliveries into the webhook. */
async function deliverRenders() {
  for (const delivery of fakeHeygen.outbox.splice(0)) await callRoute(() => callback(replayDelivery(delivery)));
}

/** The batch page's JSON (GET /api/admin/batches/[id]). */
async function batchView(id: string) {
  const response = await getBatchRoute(getRequest(`/api/admin/batches/${id}`, await adminCookie()), {
    params: Promise.resolve({ id }),
  });
  return response.json();
}

const items = () =>
  db.batchItem.findMany({ include: { video: true }, orderBy: [{ createdAt: "asc" }, { language: "asc" }] });

describe("Generate what is missing, with the presenters' languages", () => {
  it("counts the translations apart with their cost, queues one item per pair and language, and a second click queues nothing", async () => {
    await seedMonth(3);
    const preview = await previewBatch(MONTH);
    expect(preview).toMatchObject({ missing: 3, skipped: 0, translationsSkipped: 0 });
    expect(preview.translations).toHaveLength(6);
    expect(preview.translations.map((item: { language: string }) => item.language).sort()).toEqual(
      [...LANGUAGES, ...LANGUAGES, ...LANGUAGES].sort(),
    );
    // Speed mode: $0.05 a second of the video translated, half a video's $0.10.
    expect(preview.translationCostUsd).toBeCloseTo(preview.costUsd, 1);

    const [first, second] = await Promise.all([triggerBatch(MONTH), triggerBatch(MONTH)]);
    const queued = [first, second].map((result) => [result.queued, result.translations.queued]);
    expect(queued.sort()).toEqual([
      [0, 0],
      [3, 6],
    ]);
    expect(await triggerBatch(MONTH)).toEqual({
      batchId: null,
      queued: 0,
      skipped: 3,
      translations: { queued: 0, skipped: 6 },
      errors: [],
    });
    const rows = await items();
    expect(rows.map((row) => row.liveKey?.split(":").slice(2).join(":") || null).sort()).toEqual(
      [null, null, null, ...LANGUAGES, ...LANGUAGES, ...LANGUAGES].sort(),
    );
    expect(await db.batch.count()).toBe(1);
  });

  it("queues only the translations when the videos exist and the presenter gains a language", async () => {
    const anna = await seedMonth(2);
    await db.presenter.update({ where: { id: anna.id }, data: { languages: [] } });
    expect(await triggerBatch(MONTH)).toMatchObject({ queued: 2, translations: { queued: 0, skipped: 0 } });
    await db.presenter.update({ where: { id: anna.id }, data: { languages: ["Spanish (Spain)"] } });
    const preview = await previewBatch(MONTH);
    expect(preview).toMatchObject({ missing: 0, skipped: 2 });
    expect(preview.translations).toHaveLength(2);
    expect(await triggerBatch(MONTH)).toMatchObject({ queued: 0, skipped: 2, translations: { queued: 2 } });
  });
});

describe("the queue's plan translations", () => {
  it("makes every video and every translation exactly once, each translation only after its video completed", async () => {
    const days = 10;
    await seedMonth(days);
    await triggerBatch(MONTH);
    await workers.start(2);
    // The videos go; the translations wait for them (nothing is translated before a video is completed).
    await waitFor(
      () => creates.filter((create) => create.kind === "video").length,
      (count) => count === days,
      10_000,
    );
    expect(creates.filter((create) => create.kind === "translation")).toEqual([]);
    await deliverRenders();
    const rows = await waitFor(items, (all) => all.every((row) => row.status === "SENT"), 15_000);

    const videos = rows.filter((row) => row.language === null);
    const translations = rows.filter((row) => row.language !== null);
    expect(videos.map((row) => row.video?.status)).toEqual(Array(days).fill("COMPLETED"));
    expect(translations).toHaveLength(2 * days);
    // One create per pair, one translation create per pair and language: HeyGen was asked nothing twice.
    expect(creates.filter((create) => create.kind === "video")).toHaveLength(days);
    expect(creates.filter((create) => create.kind === "translation")).toHaveLength(2 * days);
    expect(new Set(creates.map((create) => create.callbackId)).size).toBe(3 * days);
    for (const row of translations) {
      const variant = row.video!;
      const source = videos.find((video) => video.planScriptId === row.planScriptId)!.video!;
      expect(variant).toMatchObject({
        sourceVideoId: source.id,
        language: row.language,
        presenterId: source.presenterId,
      });
      const sent = creates.find((create) => create.callbackId === variant.id)!;
      expect(sent.at).toBeGreaterThanOrEqual(source.completedAt!.getTime());
    }
    // Every create, videos and translations alike, kept the one pace.
    const claimed = rows.map((row) => row.submittedAt!.getTime()).sort((a, b) => a - b);
    expect(Math.min(...claimed.slice(1).map((at, index) => at - claimed[index]!))).toBeGreaterThanOrEqual(INTERVAL_MS);

    // A second click makes nothing: every pair and language is live.
    expect(await triggerBatch(MONTH)).toMatchObject({ batchId: null, queued: 0, translations: { queued: 0 } });

    // The batch counts its translations: running while they render, done (and announced once) when they are made.
    const batchId = rows[0]!.batchId;
    const { recordFinishedBatches } = await import("@/server/outgoing-webhooks/fan-out");
    expect(await batchView(batchId)).toMatchObject({ total: 3 * days, status: "running" });
    expect(await recordFinishedBatches()).toBe(0);
    // The translations finish (as their webhooks would have them: completing a variant is the translation core's).
    await db.video.updateMany({
      where: { sourceVideoId: { not: null } },
      data: { status: "COMPLETED", completedAt: new Date() },
    });
    expect(await batchView(batchId)).toMatchObject({
      total: 3 * days,
      status: "done",
      counts: { completed: 3 * days },
    });
    expect(await recordFinishedBatches()).toBe(1);
  }, 40_000);

  it("fails the translations of a video that failed, saying why, and lets them be queued again with it", async () => {
    await seedMonth(1, () => "This one goes wrong [fail]");
    await triggerBatch(MONTH);
    await workers.start();
    await waitFor(
      () => creates.length,
      (count) => count === 1,
      5_000,
    );
    await deliverRenders();
    const rows = await waitFor(
      items,
      (all) => all.filter((row) => row.language !== null).every((row) => row.status === "FAILED"),
      8_000,
    );
    for (const row of rows.filter((item) => item.language !== null)) {
      expect(row).toMatchObject({ liveKey: null, videoId: null });
      expect(row.error).toMatch(/^Not translated: the video to translate failed\./);
    }
    expect(creates.map((create) => create.kind)).toEqual(["video"]);
    // The pair and its languages are missing again, all of them.
    expect(await previewBatch(MONTH)).toMatchObject({ missing: 1, translations: [{}, {}] });
  });

  it("holds every worker for HeyGen's Retry-After when a translation create is refused with a 429, then sends it once", async () => {
    await seedMonth(2);
    let refused = false;
    heygenServer.use(
      http.post(TRANSLATION_CREATE, () => {
        if (refused) return undefined; // on to the fake HeyGen, which makes it
        refused = true;
        return apiError(429, "rate_limit_exceeded", "Too many requests", null, { headers: { "retry-after": "2" } });
      }),
    );
    await triggerBatch(MONTH);
    await workers.start(2);
    await waitFor(
      () => creates.length,
      (count) => count === 2,
      5_000,
    );
    await deliverRenders();
    const rows = await waitFor(items, (all) => all.every((row) => row.status === "SENT"), 15_000);

    const translations = creates.filter((create) => create.kind === "translation");
    const [refusal, ...after] = translations;
    expect(after).toHaveLength(4);
    // Nothing went to HeyGen during the wait it asked for, from any worker.
    for (const create of after) expect(create.at - refusal!.at).toBeGreaterThanOrEqual(2_000);
    expect(rows.map((row) => row.attempts).sort()).toEqual([0, 0, 0, 0, 0, 1]);
    // The refused translation was made once, as a new variant: the refused one's row is gone.
    const variants = await db.video.findMany({ where: { sourceVideoId: { not: null } } });
    expect(variants).toHaveLength(4);
    expect(variants.map((variant) => variant.id)).not.toContain(refusal!.callbackId);
    expect(new Set(after.map((create) => create.callbackId)).size).toBe(4);
  }, 30_000);

  it("links a translation already made from the admin page instead of making another", async () => {
    const anna = await seedMonth(1);
    await db.presenter.update({ where: { id: anna.id }, data: { languages: [] } });
    await triggerBatch(MONTH);
    await workers.start();
    await waitFor(
      () => creates.length,
      (count) => count === 1,
      5_000,
    );
    await deliverRenders();
    const [item] = await waitFor(items, (all) => all[0]?.video?.status === "COMPLETED", 5_000);
    const { insertVariant } = await import("@/server/translations/variants");
    const made = await insertVariant(item!.video!, "Spanish (Spain)", { mode: "speed", captions: true });

    await db.presenter.update({ where: { id: anna.id }, data: { languages: ["Spanish (Spain)"] } });
    expect(await triggerBatch(MONTH)).toMatchObject({ translations: { queued: 1 } });
    const rows = await waitFor(items, (all) => all.length === 2 && all.every((row) => row.status === "SENT"), 8_000);
    expect(rows[1]).toMatchObject({ language: "Spanish (Spain)", videoId: made!.id });
    expect(creates.filter((create) => create.kind === "translation")).toEqual([]);
  });
});

describe("a rejected video's translations", () => {
  it("count as missing again with it, so the remade video is translated too (trigger Video_release_translation_keys_on_rejection)", async () => {
    const { video, script, presenter } = await planDraft(`${MONTH}-01`);
    await db.presenter.update({ where: { id: presenter.id }, data: { languages: ["Spanish (Spain)"] } });
    // Its translation, made by a plan batch: a variant of the draft, linked to its live item.
    const variant = await completedVideo({
      visibility: "DRAFT",
      title: `${video.title} (Spanish (Spain))`,
      sourceVideo: { connect: { id: video.id } },
      language: "Spanish (Spain)",
      variantKey: `${video.id}:Spanish (Spain)`,
    });
    const item = await db.batchItem.findFirstOrThrow({ where: { videoId: video.id } });
    const key = `${script.id}:${presenter.id}:Spanish (Spain)`;
    await db.batchItem.create({
      data: {
        batchId: item.batchId,
        planScriptId: script.id,
        presenterId: presenter.id,
        language: "Spanish (Spain)",
        liveKey: key,
        status: "SENT",
        videoId: variant.id,
      },
    });
    expect(await previewBatch(MONTH)).toMatchObject({ missing: 0, translations: [] });

    expect((await rejectDraft(video.id, { reason: "Wrong product name." })).status).toBe(200);
    expect(await db.batchItem.findFirstOrThrow({ where: { videoId: variant.id } })).toMatchObject({ liveKey: null });
    const preview = await previewBatch(MONTH);
    expect(preview).toMatchObject({ missing: 1 });
    expect(preview.translations).toEqual([expect.objectContaining({ language: "Spanish (Spain)" })]);
  });
});

describe("the plan's matrix", () => {
  it("gives each pair its translations by language: the presenter's, and any made since it dropped one", async () => {
    const { video, script, presenter } = await planDraft(`${MONTH}-01`);
    const item = await db.batchItem.findFirstOrThrow({ where: { videoId: video.id } });
    const translation = async (language: string, status: "PROCESSING" | "COMPLETED") => {
      const variant = await completedVideo({
        status,
        sourceVideo: { connect: { id: video.id } },
        language,
        variantKey: `${video.id}:${language}`,
      });
      await db.batchItem.create({
        data: {
          batchId: item.batchId,
          planScriptId: script.id,
          presenterId: presenter.id,
          language,
          liveKey: `${script.id}:${presenter.id}:${language}`,
          status: "SENT",
          videoId: variant.id,
        },
      });
      return variant.id;
    };
    const spanish = await translation("Spanish (Spain)", "PROCESSING");
    const german = await translation("German (Germany)", "COMPLETED");
    // Hindi is wanted and not yet queued; German was dropped from the presenter after it was made.
    await db.presenter.update({
      where: { id: presenter.id },
      data: { languages: ["Spanish (Spain)", "Hindi (India)"] },
    });

    const response = await matrixRoute(getRequest(`/api/admin/plan/matrix?month=${MONTH}`, await adminCookie()));
    const matrix = await response.json();
    expect(matrix.rows[0].cells[0].languages).toEqual([
      { language: "German (Germany)", tag: "de-DE", state: "ready", videoId: german },
      { language: "Hindi (India)", tag: "hi-IN", state: "missing", videoId: null },
      { language: "Spanish (Spain)", tag: "es-ES", state: "rendering", videoId: spanish },
    ]);
    expect(matrix.translationCounts).toMatchObject({ missing: 1, rendering: 1, ready: 1, queued: 0 });
  });
});
