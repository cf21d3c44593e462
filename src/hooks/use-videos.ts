import useSWR from "swr";
import { fetchJson } from "@/lib/fetch-json";
import { searchOf, type AdminVideoPage, type VideoListQuery } from "@/lib/video-list-query";
import { VIDEO_POLL_MS } from "./use-video";

/** The admin list's API. Alone, the key of the unfiltered first page (the view the studio refreshes after a generate). */
export const VIDEOS_KEY = "/api/admin/videos";

/** Any view of the admin list (any filter, any page): for refreshing them all after a change, `mutate(isVideosKey)`. */
export const isVideosKey = (key: unknown) =>
  typeof key === "string" && (key === VIDEOS_KEY || key.startsWith(`${VIDEOS_KEY}?`));

/**
 * One page of the admin list, live: polled while any video on it is not settled yet (rendering, or completed with its
 * thumbnail and length still to come, as the server says), and not at all once every one is.
 * SWR asks nothing while the tab is hidden, and asks again when it is shown.
 */
export function useVideos(query: VideoListQuery, initial: AdminVideoPage) {
  return useSWR<AdminVideoPage>(`${VIDEOS_KEY}${searchOf(query)}`, fetchJson, {
    fallbackData: initial,
    // Until SWR has read the page itself it passes nothing here: the page's own data decides (else it would never start).
    refreshInterval: (latest = initial) => (latest.videos.some((video) => !video.settled) ? VIDEO_POLL_MS : 0),
  });
}
