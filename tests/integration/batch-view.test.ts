import { beforeEach, describe, expect, it } from "vitest";
import { GET as getBatchRoute } from "@/app/api/admin/batches/[id]/route";
import { GET as listRoute } from "@/app/api/admin/batches/route";
import type { BatchItemStatus, BatchStatus, VideoStatus } from "@/generated/prisma/enums";
import type { BatchItemView, BatchView } from "@/lib/batch";
import { batchEtaSeconds } from "@/lib/batch-eta";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { heygenRequests } from "../support/heygen";
import { adminCookie, getRequest, videoRow } from "../support/requests";

let cookie: string;
let anna: { id: string };
let bob: { id: string };

beforeEach(async () => {
  cookie = await adminCookie();
  const presenter = (name: string) =>
    db.presenter.create({ data: { name, avatarId: "look_1", aspectRatio: "16:9", resolution: "1080p" } });
  // Made in this order so that creation order is not name order.
  bob = await presenter("Bob");
  anna = await presenter("Anna");
});

async function batch(status: BatchStatus = "RUNNING", createdAt = new Date()) {
  return db.batch.create({ data: { month: "2026-03", tag: "morning", status, requestedBy: "api", createdAt } });
}

type ItemSeed = {
  day: number;
  title?: string;
  presenter?: { id: string };
  status: BatchItemStatus;
  video?: VideoStatus;
  error?: string;
  videoError?: string;
};

/** A plan script and a batch item for it, with a video in the given status when there is one. */
async function item(batchId: string, seed: ItemSeed) {
  const title = seed.title ?? `Day ${seed.day}`;
  const script = await db.planScript.create({
    data: { date: new Date(Date.UTC(2026, 2, seed.day)), title, script: "Hello", tag: "morning" },
  });
  const video = seed.video
    ? await db.video.create({ data: { ...videoRow, title, status: seed.video, error: seed.videoError } })
    : null;
  const presenterId = (seed.presenter ?? anna).id;
  return db.batchItem.create({
    data: {
      batchId,
      planScriptId: script.id,
      presenterId,
      status: seed.status,
      videoId: video?.id,
      error: seed.error,
      submittedAt: video ? new Date("2026-03-01T10:00:00Z") : null,
    },
  });
}

async function show(id: string, withCookie = true) {
  const response = await getBatchRoute(getRequest(`/api/admin/batches/${id}`, withCookie ? cookie : undefined), {
    params: Promise.resolve({ id }),
  });
  return { status: response.status, body: await response.json() };
}

async function list() {
  const response = await listRoute(getRequest("/api/admin/batches", cookie));
  return { status: response.status, body: (await response.json()) as { batches: Array<Omit<BatchView, "items">> } };
}

/** The estimate for what is left, with the queue's settings and no render history (120 s). */
const etaFor = (waiting: number, inFlight: number) =>
  batchEtaSeconds({
    waiting,
    inFlight,
    submitIntervalMs: env.QUEUE_SUBMIT_INTERVAL_MS,
    maxInFlight: env.QUEUE_MAX_IN_FLIGHT,
    renderSeconds: 120,
  });

describe("GET /api/admin/batches/[id]", () => {
  it("counts every item state, orders rows by date then presenter, and gives each row's error and video", async () => {
    const running = await batch();
    await item(running.id, { day: 3, status: "QUEUED" });
    await item(running.id, { day: 2, status: "SENT", video: "PROCESSING", presenter: bob });
    await item(running.id, { day: 2, status: "SENT", video: "PENDING", presenter: anna });
    await item(running.id, { day: 1, status: "SUBMITTING" });
    await item(running.id, { day: 1, status: "SENT", video: "COMPLETED", presenter: bob });
    await item(running.id, { day: 4, status: "FAILED", error: "HeyGen refused: out of credits" });
    await item(running.id, { day: 5, status: "SENT", video: "FAILED", videoError: "Avatar not found" });
    await item(running.id, { day: 6, status: "CANCELLED" });

    const { status, body } = await show(running.id);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: running.id,
      month: "2026-03",
      tag: "morning",
      presenterIds: [],
      status: "running",
      requestedBy: "api",
      total: 8,
    });
    expect(body.counts).toEqual({ queued: 1, submitted: 2, rendering: 1, completed: 1, failed: 2, cancelled: 1 });
    expect(body.etaSeconds).toBe(etaFor(1, 3));
    const rows = body.items.map((row: BatchItemView) => [row.date, row.presenter.name, row.state, row.error]);
    expect(rows).toEqual([
      ["2026-03-01", "Anna", "submitted", null],
      ["2026-03-01", "Bob", "completed", null],
      ["2026-03-02", "Anna", "submitted", null],
      ["2026-03-02", "Bob", "rendering", null],
      ["2026-03-03", "Anna", "queued", null],
      ["2026-03-04", "Anna", "failed", "HeyGen refused: out of credits"],
      ["2026-03-05", "Anna", "failed", "Avatar not found"],
      ["2026-03-06", "Anna", "cancelled", null],
    ]);
    const completed = body.items[1] as BatchItemView;
    const video = await db.video.findFirstOrThrow({ where: { status: "COMPLETED" } });
    expect(completed).toMatchObject({
      title: "Day 1",
      presenter: { id: bob.id, name: "Bob" },
      videoId: video.id,
      submittedAt: "2026-03-01T10:00:00.000Z",
    });
    expect(body.items[4]).toMatchObject({ videoId: null, submittedAt: null });
    expect(heygenRequests).toEqual([]);
  });

  it("is done, with no ETA, once nothing is queued, submitted or rendering", async () => {
    const finished = await batch();
    await item(finished.id, { day: 1, status: "SENT", video: "COMPLETED" });
    await item(finished.id, { day: 2, status: "FAILED", error: "refused" });
    const { body } = await show(finished.id);
    expect(body).toMatchObject({ status: "done", etaSeconds: null, counts: { completed: 1, failed: 1 } });
  });

  it("says paused (no ETA while nothing is sent) and cancelled from the batch itself", async () => {
    const paused = await batch("PAUSED");
    await item(paused.id, { day: 1, status: "QUEUED" });
    expect((await show(paused.id)).body).toMatchObject({ status: "paused", etaSeconds: null });

    // Cancelled: unsent rows stop, a sent one still renders (and has its estimate).
    const cancelled = await batch("CANCELLED");
    await item(cancelled.id, { day: 1, status: "CANCELLED" });
    await item(cancelled.id, { day: 2, status: "SENT", video: "PROCESSING" });
    expect((await show(cancelled.id)).body).toMatchObject({
      status: "cancelled",
      etaSeconds: etaFor(0, 1),
      counts: { cancelled: 1, rendering: 1 },
    });
  });

  it("answers 404 for an unknown id and 401 without a session", async () => {
    const known = await batch();
    expect(await show("no-such-batch")).toEqual({
      status: 404,
      body: { error: { code: "not_found", message: "No batch with this id." } },
    });
    expect((await show(known.id, false)).status).toBe(401);
  });
});

describe("GET /api/admin/batches", () => {
  it("lists batches newest first with their counts and status, without items", async () => {
    const older = await batch("RUNNING", new Date("2026-03-01T08:00:00Z"));
    await item(older.id, { day: 1, status: "SENT", video: "COMPLETED" });
    const newer = await batch("RUNNING", new Date("2026-03-02T08:00:00Z"));
    await item(newer.id, { day: 2, status: "QUEUED" });
    await item(newer.id, { day: 3, status: "SENT", video: "PROCESSING" });
    const empty = await batch("CANCELLED", new Date("2026-02-01T08:00:00Z"));

    const { status, body } = await list();
    expect(status).toBe(200);
    expect(
      body.batches.map(({ id, status, total, counts, etaSeconds }) => ({ id, status, total, counts, etaSeconds })),
    ).toEqual([
      {
        id: newer.id,
        status: "running",
        total: 2,
        counts: { queued: 1, submitted: 0, rendering: 1, completed: 0, failed: 0, cancelled: 0 },
        etaSeconds: etaFor(1, 1),
      },
      {
        id: older.id,
        status: "done",
        total: 1,
        counts: { queued: 0, submitted: 0, rendering: 0, completed: 1, failed: 0, cancelled: 0 },
        etaSeconds: null,
      },
      {
        id: empty.id,
        status: "cancelled",
        total: 0,
        counts: { queued: 0, submitted: 0, rendering: 0, completed: 0, failed: 0, cancelled: 0 },
        etaSeconds: null,
      },
    ]);
    expect(body.batches[0]).not.toHaveProperty("items");
  });

  it("shows the 50 latest only, and answers 401 without a session", async () => {
    await db.batch.createMany({
      data: Array.from({ length: 51 }, (_, i) => ({
        month: "2026-03",
        requestedBy: "admin",
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    });
    const { body } = await list();
    expect(body.batches).toHaveLength(50);
    expect(body.batches.at(-1)!.createdAt).toBe("2026-01-01T00:01:00.000Z");
    expect((await listRoute(getRequest("/api/admin/batches"))).status).toBe(401);
  });
});
