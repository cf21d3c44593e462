import { fetchJson } from "@/lib/fetch-json";
import type { PublicVideo } from "@/lib/video";
import { LONG_POLL_MAX_SECONDS, videoEtag } from "@/lib/video-etag";

/** The plain-polling fallback's pace, after a failed request or a server that does not hold long-polls. */
export const VIDEO_POLL_MS = 3_000;
/**
 * The same for a settled video (failed, or completed with its details), which changes only when an admin hides or
 * deletes it: a crowd watching a finished video must not poll every few seconds when the server's held waits are full.
 */
export const SETTLED_POLL_MS = 30_000;

/** The server answered 404: the video was deleted, or hidden from viewers (draft, private, rescheduled). */
export class VideoGoneError extends Error {
  constructor() {
    super("This video is no longer available.");
    this.name = "VideoGoneError";
  }
}

/** A "not modified" answer sooner than this means the long-poll was not held (a proxy, an old server). */
const HELD_AT_LEAST_MS = 1_000;

export type VideoWatch = {
  /** Replaces the media URLs the player could not load with freshly signed ones. */
  refreshMedia(): Promise<void>;
  stop(): void;
};

/**
 * Watches one video while the page is open: a conditional long-poll (`?wait=25` + If-None-Match) that the server
 * answers the moment the video changes, so a viewer waiting minutes makes three requests a minute and sees the result
 * at once. A settled video (failed, or completed with its details) is watched on too, since an admin may still hide
 * or delete it: the server then answers 404, `onError` gets a VideoGoneError, and watching stops. A failed request
 * falls back to plain polling every few seconds (a settled video's every SETTLED_POLL_MS) until one succeeds. Nothing
 * is requested while the tab is hidden; watching resumes when it is shown again.
 */
export function watchVideo(
  initial: PublicVideo,
  onVideo: (video: PublicVideo) => void,
  onError: (error: unknown) => void,
): VideoWatch {
  const url = `/api/videos/${initial.id}`;
  const stopped = new AbortController();
  // The page rendered this very version: ask straight away for the next one.
  let etag = videoEtag(initial);
  let failing = false;
  let settled = initial.settled;
  const fallbackMs = () => (settled ? SETTLED_POLL_MS : VIDEO_POLL_MS);

  const deliver = (video: PublicVideo, newEtag: string | null) => {
    etag = newEtag ?? videoEtag(video);
    onVideo(video);
  };

  void (async () => {
    while (!stopped.signal.aborted) {
      await untilVisible(stopped.signal);
      if (stopped.signal.aborted) return;
      const startedAt = Date.now();
      try {
        const response = await fetch(failing ? url : `${url}?wait=${LONG_POLL_MAX_SECONDS}`, {
          headers: { accept: "application/json", "if-none-match": etag },
          cache: "no-store",
          signal: stopped.signal,
        });
        if (response.status === 304) {
          failing = false;
          if (Date.now() - startedAt < HELD_AT_LEAST_MS) await sleep(fallbackMs(), stopped.signal);
          continue;
        }
        if (response.status === 404) {
          onError(new VideoGoneError());
          return;
        }
        if (!response.ok) throw new Error(`Request failed (${response.status})`);
        const video = (await response.json()) as PublicVideo;
        failing = false;
        settled = video.settled;
        deliver(video, response.headers.get("etag"));
      } catch (error) {
        if (stopped.signal.aborted) return;
        failing = true;
        onError(error);
        await sleep(fallbackMs(), stopped.signal);
      }
    }
  })();

  return {
    async refreshMedia() {
      deliver(await fetchJson<PublicVideo>(`${url}?fresh=1`), null);
    },
    stop: () => stopped.abort(),
  };
}

function untilVisible(signal: AbortSignal): Promise<void> {
  if (document.visibilityState !== "hidden") return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (document.visibilityState === "hidden" && !signal.aborted) return;
      document.removeEventListener("visibilitychange", check);
      signal.removeEventListener("abort", check);
      resolve();
    };
    document.addEventListener("visibilitychange", check);
    signal.addEventListener("abort", check);
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}
