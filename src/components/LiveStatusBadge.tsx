"use client";

import { StatusBadge } from "@/components/StatusBadge";
import { useVideo } from "@/hooks/use-video";
import type { PublicVideo } from "@/lib/video";

/** The status badge of a video on its page; shares the VideoPlayer's polling (same SWR key). */
export function LiveStatusBadge({ initialVideo }: { initialVideo: PublicVideo }) {
  const { data } = useVideo(initialVideo);
  return <StatusBadge status={(data ?? initialVideo).status} />;
}
