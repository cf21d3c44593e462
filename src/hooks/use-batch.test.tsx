import { act } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { batchView } from "../../tests/support/client-batch";
import { asked, elapse, gaps, nextFrame, renderWithSwr, serveJson, setVisibility } from "../../tests/support/dom";
import { BATCH_POLL_MS, useBatch } from "./use-batch";

describe("useBatch: one batch, live", () => {
  it("shows the page's batch at once, then reads it from its own route", async () => {
    const initial = batchView({ queued: 3 });
    const latest = batchView({ queued: 2, submitted: 1 });
    serveJson("/api/admin/batches/:id", () => latest);
    const { result } = renderWithSwr(() => {
      const { data, error } = useBatch(initial);
      return { data, error };
    });
    expect(result.current.data).toEqual(initial);
    await nextFrame();
    expect(asked()).toEqual(["/api/admin/batches/batch-1"]);
    expect(result.current.data).toEqual(latest);
  });

  it.each([
    ["queued", { queued: 2, completed: 1 }],
    ["being sent", { submitted: 1, completed: 2 }],
    ["rendering", { rendering: 1, cancelled: 2 }],
  ])("asks every BATCH_POLL_MS while an item is %s, and stops once none can move", async (_, counts) => {
    const initial = batchView(counts);
    let batch = initial;
    const reads = serveJson("/api/admin/batches/:id", () => batch);
    renderWithSwr(() => useBatch(initial));
    await elapse(5 * BATCH_POLL_MS);
    // Its read on mount, then one per BATCH_POLL_MS (SWR folds the first tick into the read on mount: both fall
    // within its 2 s deduping window).
    expect(reads).toHaveLength(5);
    expect(gaps(reads.slice(1))).toEqual([BATCH_POLL_MS, BATCH_POLL_MS, BATCH_POLL_MS]);

    batch = batchView({ completed: 2, failed: 1 }, { status: "done" });
    await elapse(BATCH_POLL_MS);
    await elapse(60_000);
    expect(reads).toHaveLength(6);
  });

  it("asks nothing after its read on mount for a batch where nothing can move", async () => {
    const done = batchView({ completed: 2, cancelled: 1 }, { status: "cancelled" });
    const reads = serveJson("/api/admin/batches/:id", () => done);
    renderWithSwr(() => useBatch(done));
    await elapse(60_000);
    expect(reads).toHaveLength(1);
  });

  it("asks nothing while the tab is hidden", async () => {
    const moving = batchView({ rendering: 2 });
    const reads = serveJson("/api/admin/batches/:id", () => moving);
    renderWithSwr(() => useBatch(moving));
    await nextFrame();
    setVisibility("hidden");
    await elapse(60_000);
    expect(reads).toHaveLength(1);
  });

  it("mutate() reads the batch again at once (after Pause, Resume or Cancel)", async () => {
    const initial = batchView({ queued: 2 });
    let batch = initial;
    const reads = serveJson("/api/admin/batches/:id", () => batch);
    const { result } = renderWithSwr(() => {
      const { data, mutate } = useBatch(initial);
      return { data, mutate };
    });
    await nextFrame();
    batch = batchView({ queued: 2 }, { status: "paused" });
    await elapse(500); // the Pause button's request takes this long
    await act(() => result.current.mutate());
    expect(reads).toHaveLength(2);
    expect(result.current.data?.status).toBe("paused");
  });
});
