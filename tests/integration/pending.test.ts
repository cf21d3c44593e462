import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as pendingRoute } from "@/app/api/admin/pending/route";
import type { VideoStatus } from "@/generated/prisma/enums";
import type { PendingView } from "@/lib/pending";
import { db } from "@/server/db";
import { heygenRequests } from "../support/heygen";
import { adminCookie, getRequest, videoRow } from "../support/requests";

const MINUTE = 60_000;
let now = new Date("2026-06-01T12:00:00.000Z").getTime();

// The typical render time is cached in the process for a minute: each test starts ten minutes after the last, so
// none sees another's. Only Date is faked; timers (the database driver's) run as usual.
beforeEach(() => {
  now += 10 * MINUTE;
  vi.useFakeTimers({ toFake: ["Date"], now });
});
afterEach(() => {
  vi.useRealTimers();
});

const ago = (seconds: number) => new Date(now - seconds * 1000);

async function video(
  title: string,
  status: VideoStatus,
  ageSeconds: number,
  extra: { heygenCheckedAt?: Date; unconfirmedReason?: string } = {},
) {
  return db.video.create({ data: { ...videoRow, title, status, createdAt: ago(ageSeconds), ...extra } });
}

/** Completed videos that took `seconds` each to render: the typical render time. */
async function history(seconds: number) {
  await db.video.createMany({
    data: [1, 2, 3].map(() => ({
      ...videoRow,
      status: "COMPLETED" as const,
      createdAt: ago(3_600 + seconds),
      completedAt: ago(3_600),
    })),
  });
}

async function pending(withCookie = true) {
  const response = await pendingRoute(getRequest("/api/admin/pending", withCookie ? await adminCookie() : undefined));
  return { status: response.status, body: (await response.json()) as PendingView };
}

describe("GET /api/admin/pending", () => {
  it("lists only videos in flight, oldest first, with their age, last news, batch and unconfirmed reason", async () => {
    await history(100);
    await video("Failed", "FAILED", 900);
    const checked = ago(30);
    const studio = await video("From the studio", "PROCESSING", 150, { heygenCheckedAt: checked });
    const unconfirmed = await video("Unconfirmed", "PENDING", 400, {
      unconfirmedReason: "HeyGen answered with a gateway error page",
    });
    const fromBatch = await video("From a batch", "PENDING", 10);
    const presenter = await db.presenter.create({
      data: { name: "Anna", avatarId: "look_1", aspectRatio: "16:9", resolution: "1080p" },
    });
    const script = await db.planScript.create({
      data: { date: new Date("2026-06-01"), title: "From a batch", script: "Hi", presenterId: presenter.id },
    });
    const batch = await db.batch.create({ data: { month: "2026-06", requestedBy: "admin" } });
    await db.batchItem.create({
      data: {
        batchId: batch.id,
        planScriptId: script.id,
        presenterId: presenter.id,
        status: "SENT",
        videoId: fromBatch.id,
      },
    });

    const { status, body } = await pending();
    expect(status).toBe(200);
    expect(body).toMatchObject({
      generatedAt: new Date(now).toISOString(),
      overdueAfterSeconds: 200,
      overdueRule: "twice_typical",
      total: 3,
    });
    expect(
      body.videos.map(({ title, status, ageSeconds, unconfirmedReason, batchId, overdue }) => ({
        title,
        status,
        ageSeconds,
        unconfirmedReason,
        batchId,
        overdue,
      })),
    ).toEqual([
      {
        title: "Unconfirmed",
        status: "PENDING",
        ageSeconds: 400,
        unconfirmedReason: "HeyGen answered with a gateway error page",
        batchId: null,
        overdue: true,
      },
      {
        title: "From the studio",
        status: "PROCESSING",
        ageSeconds: 150,
        unconfirmedReason: null,
        batchId: null,
        overdue: false,
      },
      {
        title: "From a batch",
        status: "PENDING",
        ageSeconds: 10,
        unconfirmedReason: null,
        batchId: batch.id,
        overdue: false,
      },
    ]);
    expect(body.videos[1]).toMatchObject({ id: studio.id, lastNewsAt: checked.toISOString() });
    // Never asked HeyGen about it: its last news is its own last change.
    const row = await db.video.findUniqueOrThrow({ where: { id: unconfirmed.id } });
    expect(body.videos[0]!.lastNewsAt).toBe(row.updatedAt.toISOString());
    expect(heygenRequests).toEqual([]);
  });

  it("flags as overdue what is older than 10 minutes when no video has completed yet", async () => {
    await video("Eleven minutes", "PROCESSING", 660);
    await video("Nine minutes", "PROCESSING", 540);
    const { body } = await pending();
    expect(body).toMatchObject({ overdueAfterSeconds: 600, overdueRule: "no_history" });
    expect(body.videos.map(({ title, overdue }) => [title, overdue])).toEqual([
      ["Eleven minutes", true],
      ["Nine minutes", false],
    ]);
  });

  it("never flags sooner than 2 minutes, however quick the recent renders were", async () => {
    await history(10);
    await video("Ninety seconds", "PROCESSING", 90);
    const { body } = await pending();
    // Said as the minimum, not as "twice the typical render time" (20 s).
    expect(body).toMatchObject({ overdueAfterSeconds: 120, overdueRule: "minimum" });
    expect(body.videos.map(({ title, overdue }) => [title, overdue])).toEqual([["Ninety seconds", false]]);
  });

  it("is empty when nothing is in flight, and answers 401 without a session", async () => {
    await video("Done", "COMPLETED", 60);
    expect((await pending()).body).toMatchObject({ videos: [], total: 0 });
    expect((await pending(false)).status).toBe(401);
  });
});
