import useSWR from "swr";
import { fetchJson } from "@/lib/fetch-json";
import type { ReviewQueuePage } from "@/lib/review";

export const REVIEW_QUEUE_URL = "/api/admin/review";

/** Drafts become ready while the page is open (a batch renders for an hour): every 10 s they join the queue. */
export const REVIEW_POLL_MS = 10_000;

/**
 * The drafts awaiting review, live. `remove` takes decided drafts out at once (then the queue is read again, so a
 * draft another admin decided meanwhile leaves too).
 */
export function useReviewQueue(initial: ReviewQueuePage) {
  const swr = useSWR<ReviewQueuePage>(REVIEW_QUEUE_URL, fetchJson, {
    fallbackData: initial,
    refreshInterval: REVIEW_POLL_MS,
  });
  const remove = (ids: readonly string[]) =>
    swr.mutate(
      (current) => {
        if (!current) return current;
        const drafts = current.drafts.filter((draft) => !ids.includes(draft.id));
        return { ...current, drafts, count: Math.max(0, current.count - (current.drafts.length - drafts.length)) };
      },
      { revalidate: true },
    );
  return { queue: swr.data ?? initial, remove };
}
