import useSWR from "swr";
import { fetchJson } from "@/lib/fetch-json";
import type { PendingView } from "@/lib/pending";

/** Renders take minutes: every 5 s keeps ages and news current without loading the server. */
export const PENDING_POLL_MS = 5_000;

/** Every video in flight, live: new ones appear and finished ones leave while the page is open. */
export function usePending(initial: PendingView) {
  return useSWR<PendingView>("/api/admin/pending", fetchJson, {
    fallbackData: initial,
    refreshInterval: PENDING_POLL_MS,
  });
}
