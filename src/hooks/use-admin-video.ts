import useSWR from "swr";
import type { AdminVideoDetail } from "@/lib/admin-video-detail";
import { fetchJson } from "@/lib/fetch-json";
import type { PublicVideo } from "@/lib/video";
import { videoEtag } from "@/lib/video-etag";
import { useVideo } from "./use-video";

/**
 * The admin's view of one video (settings, versions, HeyGen's deliveries), live: read again whenever the video the
 * player follows changes (same watch: useVideo's SWR key), since each change comes with the news that made it. The
 * version is part of the key, so each one is read once however many components show it; the last one read stays
 * shown while the next loads.
 */
export function useAdminVideo(initialVideo: PublicVideo, initial: AdminVideoDetail) {
  const { data: video } = useVideo(initialVideo);
  const version = videoEtag(video);
  const first = version === videoEtag(initialVideo);
  return useSWR<AdminVideoDetail, Error, [string, string]>(
    [`/api/admin/videos/${initialVideo.id}`, version],
    ([url]) => fetchJson<AdminVideoDetail>(url),
    { fallbackData: first ? initial : undefined, keepPreviousData: true },
  );
}
