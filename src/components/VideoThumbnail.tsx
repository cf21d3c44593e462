import type { PublicVideo } from "@/lib/video";

const PLACEHOLDER: Record<PublicVideo["status"], string> = {
  PENDING: "Queued",
  PROCESSING: "Rendering…",
  COMPLETED: "No preview",
  FAILED: "Failed",
};

/**
 * A small thumbnail in a fixed 16:9 box, whatever the video's shape: portrait and square ones are shown whole over a
 * blurred copy of themselves, so rows line up and nothing moves as images load.
 */
export function VideoThumbnail({ video }: { video: PublicVideo }) {
  return (
    <div className="relative aspect-video w-full overflow-hidden rounded-md bg-slate-900">
      {/* Plain <img>s: HeyGen's URLs are signed and expire, and next/image's optimiser would cache them past that. */}
      {video.thumbnailUrl ? (
        <>
          {video.aspectRatio !== "16:9" && (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={video.thumbnailUrl} alt="" className="absolute inset-0 size-full scale-110 object-cover opacity-60 blur-lg" aria-hidden />
          )}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={video.thumbnailUrl} alt="" className="relative size-full object-contain" loading="lazy" />
        </>
      ) : (
        <span className="absolute inset-0 flex items-center justify-center text-xs text-slate-300" aria-hidden>
          {PLACEHOLDER[video.status]}
        </span>
      )}
    </div>
  );
}
