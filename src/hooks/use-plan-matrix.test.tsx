import { describe, expect, it } from "vitest";
import type { PlanMatrix } from "@/lib/plan-matrix";
import { planMatrix } from "../../tests/support/client-batch";
import { asked, elapse, gaps, nextFrame, renderWithSwr, serveJson, setVisibility } from "../../tests/support/dom";
import { VIDEO_POLL_MS } from "./use-video";
import { usePlanMatrix } from "./use-plan-matrix";

describe("usePlanMatrix: the month's matrix, live", () => {
  it("shows the page's matrix at once, then reads its month's", async () => {
    const initial = planMatrix({ missing: 4 }, "2027-01");
    const latest = planMatrix({ missing: 3, queued: 1 }, "2027-01");
    serveJson("/api/admin/plan/matrix", () => latest);
    const { result } = renderWithSwr(() => {
      const { data, error } = usePlanMatrix(initial);
      return { data, error };
    });
    expect(result.current.data).toEqual(initial);
    await nextFrame();
    expect(asked()).toEqual(["/api/admin/plan/matrix?month=2027-01"]);
    expect(result.current.data).toEqual(latest);
  });

  it.each([["queued"], ["submitted"], ["rendering"]] as const)(
    "asks every VIDEO_POLL_MS while a pair is %s, and stops once none moves",
    async (state) => {
      const initial = planMatrix({ [state]: 1, completed: 2 });
      let matrix = initial;
      const reads = serveJson("/api/admin/plan/matrix", () => matrix);
      renderWithSwr(() => usePlanMatrix(initial));
      await elapse(3 * VIDEO_POLL_MS);
      expect(reads).toHaveLength(4);
      expect(gaps(reads.slice(1))).toEqual([VIDEO_POLL_MS, VIDEO_POLL_MS]);

      matrix = planMatrix({ completed: 2, failed: 1 });
      await elapse(VIDEO_POLL_MS);
      await elapse(60_000);
      expect(reads).toHaveLength(5);
    },
  );

  it("keeps asking while only a translation moves (waiting for its video, or rendering), and stops once made", async () => {
    const withTranslations = (counts: Partial<PlanMatrix["translationCounts"]>) => ({
      ...planMatrix({ published: 2 }),
      translationCounts: { ...planMatrix({}).translationCounts, ...counts },
    });
    const initial = withTranslations({ queued: 1, ready: 1 });
    let matrix = initial;
    const reads = serveJson("/api/admin/plan/matrix", () => matrix);
    renderWithSwr(() => usePlanMatrix(initial));
    await elapse(2 * VIDEO_POLL_MS);
    expect(reads).toHaveLength(3);

    matrix = withTranslations({ ready: 2 });
    await elapse(VIDEO_POLL_MS);
    await elapse(60_000);
    expect(reads).toHaveLength(4);
  });

  it("asks nothing after its read on mount while nothing moves, nor while the tab is hidden", async () => {
    const still = planMatrix({ missing: 2, completed: 1, failed: 1 });
    const reads = serveJson("/api/admin/plan/matrix", () => still);
    renderWithSwr(() => usePlanMatrix(still));
    await elapse(60_000);
    expect(reads).toHaveLength(1);

    setVisibility("hidden");
    await elapse(60_000);
    expect(reads).toHaveLength(1);
  });

  it("takes the page's newer matrix (a script added refreshes the page) without asking for it", async () => {
    const before = planMatrix({ missing: 2 });
    serveJson("/api/admin/plan/matrix", () => before);
    // Read as StatusMatrix reads it: SWR renders again only for what the component read.
    const { result, rerender } = renderWithSwr(
      (initial: PlanMatrix) => {
        const { data, error } = usePlanMatrix(initial);
        return { data, error };
      },
      { initialProps: before },
    );
    await nextFrame();
    const added = planMatrix({ missing: 3 });
    rerender(added);
    await elapse(0);
    expect(result.current.data).toEqual(added);
    expect(asked()).toHaveLength(1);
  });
});
