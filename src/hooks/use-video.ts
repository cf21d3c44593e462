import useSWRSubscription from "swr/subscription";
import type { PublicVideo } from "@/lib/video";
import { VideoGoneError, watchVideo, type VideoWatch } from "./watch-video";

export { VIDEO_POLL_MS } from "./watch-video";

/** The watches running, by video id: one per video however many components show it (SWR shares the subscription). */
const watches = new Map<string, VideoWatch>();

/**
 * One video, live: it changes the moment the server learns of a change (see watch-video.ts), for as long as the page
 * is open. `gone`: the server no longer shows it (deleted, or hidden from viewers), and watching has stopped.
 * `refreshMedia` asks for freshly signed media URLs (HeyGen's expire), for when the player could not load the one it has.
 */
export function useVideo(initial: PublicVideo) {
  const { data, error } = useSWRSubscription<PublicVideo, unknown, string>(
    `/api/videos/${initial.id}`,
    (_key, { next }) => {
      const watch = watchVideo(
        initial,
        (video) => next(null, video),
        (problem) => next(problem),
      );
      watches.set(initial.id, watch);
      return () => {
        watch.stop();
        if (watches.get(initial.id) === watch) watches.delete(initial.id);
      };
    },
    { fallbackData: initial },
  );
  const refreshMedia = async () => watches.get(initial.id)?.refreshMedia();
  return { data: data ?? initial, error, gone: error instanceof VideoGoneError, refreshMedia };
}
