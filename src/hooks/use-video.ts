import useSWR from "swr";
import { fetchJson } from "@/lib/fetch-json";
import { isTerminal, type PublicVideo } from "@/lib/video";

export const VIDEO_POLL_MS = 3_000;

/**
 * One video, polled every few seconds until it is COMPLETED or FAILED. `refreshMedia` asks the server for freshly
 * signed media URLs (HeyGen's expire), for when the player could not load the one it has.
 */
export function useVideo(initial: PublicVideo) {
  const key = `/api/videos/${initial.id}`;
  const swr = useSWR<PublicVideo>(key, fetchJson, {
    fallbackData: initial,
    revalidateOnMount: !isTerminal(initial.status),
    refreshInterval: (latest) => (latest && isTerminal(latest.status) ? 0 : VIDEO_POLL_MS),
  });
  const refreshMedia = () => swr.mutate(fetchJson<PublicVideo>(`${key}?fresh=1`), { revalidate: false });
  return { ...swr, refreshMedia };
}
