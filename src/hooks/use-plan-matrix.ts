import { useEffect } from "react";
import useSWR from "swr";
import { fetchJson } from "@/lib/fetch-json";
import { isMoving, type PlanMatrix } from "@/lib/plan-matrix";
import { VIDEO_POLL_MS } from "./use-video";

/**
 * The month's matrix, live: polled while any pair is queued, submitted or rendering, and not at all once none is.
 * SWR asks nothing while the tab is hidden, and asks again when it is shown (a batch started elsewhere shows up).
 */
export function usePlanMatrix(initial: PlanMatrix) {
  const matrix = useSWR<PlanMatrix, Error>(`/api/admin/plan/matrix?month=${initial.month}`, fetchJson, {
    fallbackData: initial,
    // Until SWR has read the matrix itself it passes nothing here: the page's own data decides.
    refreshInterval: (latest = initial) => (isMoving(latest) ? VIDEO_POLL_MS : 0),
  });
  const { mutate } = matrix;
  // A script added or imported refreshes the page: its newer matrix replaces what SWR had cached.
  useEffect(() => {
    void mutate(initial, { revalidate: false });
  }, [initial, mutate]);
  return matrix;
}
