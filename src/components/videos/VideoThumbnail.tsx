import { ThumbnailImages } from "@/components/ui/ThumbnailImages";
import type { PublicVideo } from "@/lib/video";

const PLACEHOLDER: Record<PublicVideo["status"], string> = {
  PENDING: "Queued",
  PROCESSING: "Rendering…",
  COMPLETED: "No preview",
  FAILED: "Failed",
};

/**
 * A small thumbnail in a fixed 16:9 box, whatever the video's shape (ThumbnailImages), or what is happening to it.
 */
export function VideoThumbnail({ video }: { video: PublicVideo }) {
  return (
    <div className="relative aspect-video w-full overflow-hidden rounded-md bg-slate-900">
      {video.thumbnailUrl ? (
        <ThumbnailImages url={video.thumbnailUrl} aspectRatio={video.aspectRatio} />
      ) : (
        <span className="absolute inset-0 flex items-center justify-center text-xs text-slate-300" aria-hidden>
          {PLACEHOLDER[video.status]}
        </span>
      )}
    </div>
  );
}
