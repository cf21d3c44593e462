import { describe, expect, it } from "vitest";
import type { PendingView } from "@/lib/pending";
import { asked, elapse, gaps, nextFrame, renderWithSwr, serveJson, setVisibility } from "../../tests/support/dom";
import { PENDING_POLL_MS, usePending } from "./use-pending";

const pendingView = (total: number): PendingView => ({
  generatedAt: new Date().toISOString(),
  overdueAfterSeconds: 600,
  overdueRule: "no_history",
  videos: [],
  total,
});

describe("usePending: every video in flight, live", () => {
  it("shows the page's view at once, then asks every PENDING_POLL_MS, empty or not", async () => {
    const initial = pendingView(0);
    let view = pendingView(0);
    const reads = serveJson("/api/admin/pending", () => view);
    const { result } = renderWithSwr(() => {
      const { data } = usePending(initial);
      return { data };
    });
    expect(result.current.data).toEqual(initial);
    await nextFrame();
    expect(asked()).toEqual(["/api/admin/pending"]);

    // A video started elsewhere shows up with the next read.
    view = pendingView(1);
    await elapse(3 * PENDING_POLL_MS);
    expect(result.current.data).toEqual(view);
    expect(reads).toHaveLength(4);
    expect(gaps(reads.slice(1))).toEqual([PENDING_POLL_MS, PENDING_POLL_MS]);
  });

  it("asks nothing while the tab is hidden, and asks again as soon as it is shown", async () => {
    const reads = serveJson("/api/admin/pending", () => pendingView(1));
    const initial = pendingView(1);
    renderWithSwr(() => usePending(initial));
    await nextFrame();
    setVisibility("hidden");
    await elapse(60_000);
    expect(reads).toHaveLength(1);
    setVisibility("visible");
    await elapse(0);
    expect(reads).toHaveLength(2);
  });
});
