import useSWR from "swr";
import { fetchJson } from "@/lib/fetch-json";
import { isTerminal, type PublicVideo } from "@/lib/video";

export const VIDEO_POLL_MS = 3_000;

/** One video, polled every few seconds until it is COMPLETED or FAILED. */
export function useVideo(initial: PublicVideo) {
  return useSWR<PublicVideo>(`/api/videos/${initial.id}`, fetchJson, {
    fallbackData: initial,
    revalidateOnMount: !isTerminal(initial.status),
    refreshInterval: (latest) => (latest && isTerminal(latest.status) ? 0 : VIDEO_POLL_MS),
  });
}
