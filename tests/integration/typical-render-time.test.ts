import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { VideoStatus } from "@/lib/video";
import { db } from "@/server/db";
import { typicalRenderSeconds } from "@/server/videos/typical-render-time";
import { videoRow } from "../support/requests";

const MINUTE = 60_000;
let clock = new Date("2026-01-01T12:00:00.000Z").getTime();

// The figure is cached in the process for a minute: each test starts ten minutes after the last, so none sees
// another's. Only Date is faked; timers (the database driver's) run as usual.
beforeEach(() => {
  clock += 10 * MINUTE;
  vi.useFakeTimers({ toFake: ["Date"], now: clock });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Videos that took these many seconds to render, the first finishing most recently. */
async function renders(seconds: number[], options: { status?: VideoStatus; finishedBefore?: number } = {}) {
  const { status = "COMPLETED", finishedBefore = clock } = options;
  await db.video.createMany({
    data: seconds.map((duration, i) => {
      const completedAt = new Date(finishedBefore - (i + 1) * 1000);
      return { ...videoRow, status, completedAt, createdAt: new Date(completedAt.getTime() - duration * 1000) };
    }),
  });
}

describe("typicalRenderSeconds", () => {
  it("is null before any video has completed", async () => {
    await renders([30, 40], { status: "FAILED" });
    await db.video.create({ data: { ...videoRow, status: "PROCESSING" } });
    expect(await typicalRenderSeconds()).toBeNull();
  });

  it("is the median render time of completed videos", async () => {
    await renders([30, 600, 60]);
    await renders([5, 5, 5, 5], { status: "FAILED" });
    expect(await typicalRenderSeconds()).toBe(60);
  });

  it("takes the 50 latest renders only", async () => {
    await renders([...Array(25).fill(100), ...Array(25).fill(140)]);
    await renders(Array(10).fill(10_000), { finishedBefore: clock - 60 * MINUTE });
    expect(await typicalRenderSeconds()).toBe(120);
  });

  it("answers from memory for a minute, then looks again", async () => {
    await renders([60]);
    expect(await typicalRenderSeconds()).toBe(60);
    await renders([300, 300], { finishedBefore: clock + 1000 });
    vi.setSystemTime(clock + 59_000);
    expect(await typicalRenderSeconds()).toBe(60);
    vi.setSystemTime(clock + 61_000);
    expect(await typicalRenderSeconds()).toBe(300);
  });

  it("makes one query for many pages asking at once", async () => {
    await renders([90]);
    const queries = vi.spyOn(db, "$queryRaw");
    const answers = await Promise.all(Array.from({ length: 20 }, () => typicalRenderSeconds()));
    expect(answers).toEqual(Array(20).fill(90));
    expect(queries).toHaveBeenCalledTimes(1);
  });
});
