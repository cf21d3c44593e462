import useSWR from "swr";
import type { AdminVideoDetail } from "@/lib/admin-video-detail";
import { fetchJson } from "@/lib/fetch-json";
import type { PublicVideo } from "@/lib/video";
import { videoEtag } from "@/lib/video-etag";
import { useVideo } from "./use-video";

/**
 * How often the admin's view is read again while its media is being copied: copying goes on after the video is settled,
 * when the player no longer watches it.
 */
export const MEDIA_COPY_POLL_MS = 5_000;

/**
 * The admin's view of one video (settings, versions, HeyGen's deliveries), live: read again whenever the video the
 * player follows changes (same watch: useVideo's SWR key), since each change comes with the news that made it. The
 * version is part of the key, so each one is read once however many components show it; the last one read stays
 * shown while the next loads. While its media is being copied it is also read every few seconds, to show the copy
 * stored or given up on (or a retry's progress) without a reload.
 */
export function useAdminVideo(initialVideo: PublicVideo, initial: AdminVideoDetail) {
  const { data: video } = useVideo(initialVideo);
  const version = videoEtag(video);
  const first = version === videoEtag(initialVideo);
  return useSWR<AdminVideoDetail, Error, [string, string]>(
    [`/api/admin/videos/${initialVideo.id}`, version],
    ([url]) => fetchJson<AdminVideoDetail>(url),
    {
      fallbackData: first ? initial : undefined,
      keepPreviousData: true,
      // Until SWR has read it itself it passes nothing here: the page's own data decides.
      refreshInterval: (latest = initial) => (latest.video.mediaCopy.state === "copying" ? MEDIA_COPY_POLL_MS : 0),
    },
  );
}
