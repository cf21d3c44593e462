import type { BatchView, ItemState, PairState } from "@/lib/batch";
import { emptyCounts, emptyTranslationCounts, type PlanMatrix } from "@/lib/plan-matrix";

const noItems = (): Record<ItemState, number> => ({
  queued: 0,
  submitted: 0,
  rendering: 0,
  completed: 0,
  failed: 0,
  cancelled: 0,
});

/** A batch of `total` items as the batch page reads it, `counts` saying where they stand. */
export function batchView(counts: Partial<Record<ItemState, number>>, fields: Partial<BatchView> = {}): BatchView {
  const all = { ...noItems(), ...counts };
  return {
    id: "batch-1",
    month: "2026-12",
    review: true,
    tag: "news",
    presenterIds: ["p-1"],
    status: "running",
    requestedBy: "admin",
    createdAt: new Date().toISOString(),
    total: Object.values(all).reduce((sum, count) => sum + count, 0),
    counts: all,
    etaSeconds: null,
    items: [],
    ...fields,
  };
}

/** A month's matrix with only its counts filled in (all the hook reads). */
export function planMatrix(counts: Partial<Record<PairState, number>>, month = "2026-12"): PlanMatrix {
  return {
    month,
    timeZone: "UTC",
    columns: [],
    rows: [],
    counts: { ...emptyCounts(), ...counts },
    translationCounts: emptyTranslationCounts(),
  };
}
