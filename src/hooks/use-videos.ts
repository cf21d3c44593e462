import useSWR from "swr";
import { fetchJson } from "@/lib/fetch-json";
import { isTerminal, type PublicVideo } from "@/lib/video";
import { VIDEO_POLL_MS } from "./use-video";

export const VIDEOS_KEY = "/api/videos";

/** The video list (every video for an admin), polled while any of them is still rendering. */
export function useVideos(initial?: PublicVideo[]) {
  return useSWR<{ videos: PublicVideo[] }>(VIDEOS_KEY, fetchJson, {
    fallbackData: initial ? { videos: initial } : undefined,
    refreshInterval: (latest) =>
      latest?.videos.some((video) => !isTerminal(video.status)) ? VIDEO_POLL_MS : 0,
  });
}
