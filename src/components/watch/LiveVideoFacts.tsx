"use client";

import { useVideo } from "@/hooks/use-video";
import { formatDuration } from "@/lib/format";
import type { PublicVideo } from "@/lib/video";
import { LocalDateTime } from "./LocalDateTime";

/**
 * The date and, once HeyGen has said it, the length of a video, under its title. (Its status is the player's to
 * show.) Shares the VideoPlayer's polling (same SWR key), so the length appears with the video.
 */
export function LiveVideoFacts({ initialVideo }: { initialVideo: PublicVideo }) {
  const video = useVideo(initialVideo).data ?? initialVideo;
  return (
    <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600">
      {/* The length comes last: nothing moves when it appears. */}
      <span>
        Created <LocalDateTime iso={video.createdAt} />
      </span>
      {video.duration !== null && (
        <span data-testid="video-duration">
          <span aria-hidden>· </span>
          <span className="sr-only">Duration </span>
          {formatDuration(video.duration)}
        </span>
      )}
    </p>
  );
}
