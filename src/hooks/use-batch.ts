import useSWR from "swr";
import type { BatchView } from "@/lib/batch";
import { fetchJson } from "@/lib/fetch-json";

/** How often a batch page asks while anything in it may still change. */
export const BATCH_POLL_MS = 2_000;

/** Something is still waiting, being sent or rendering (a cancelled batch still finishes what it sent). */
export const isMoving = (batch: BatchView) => batch.counts.queued + batch.counts.submitted + batch.counts.rendering > 0;

/** One batch, live: polled every 2 s while any item can still move, not at all once none can. */
export function useBatch(initial: BatchView) {
  return useSWR<BatchView>(`/api/admin/batches/${initial.id}`, fetchJson, {
    fallbackData: initial,
    // Until SWR has read the batch itself it passes nothing here: the page's own data decides.
    refreshInterval: (latest = initial) => (isMoving(latest) ? BATCH_POLL_MS : 0),
  });
}
