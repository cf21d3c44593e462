"use client";

import { useAdminVideo } from "@/hooks/use-admin-video";
import type { AdminVideoDetail } from "@/lib/admin-video-detail";
import type { PublicVideo } from "@/lib/video";
import { VideoEvents } from "./VideoEvents";

type Props = {
  /** The video as the page's player shows it: the panel follows the same watch. */
  video: PublicVideo;
  detail: AdminVideoDetail;
};

/** Admins only, under the player: HeyGen's deliveries about the video, live with the player. */
export function AdminVideoPanel({ video, detail: initial }: Props) {
  const detail = useAdminVideo(video, initial).data ?? initial;
  return <VideoEvents deliveries={detail.deliveries} />;
}
