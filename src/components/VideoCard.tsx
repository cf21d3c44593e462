import Link from "next/link";
import { formatDuration } from "@/lib/format";
import type { PublicVideo } from "@/lib/video";

export function VideoCard({ video }: { video: PublicVideo }) {
  return (
    <Link
      href={`/videos/${video.id}`}
      className="group block overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm transition hover:shadow-md"
    >
      <div className="relative aspect-video bg-slate-900">
        {video.thumbnailUrl && (
          // Signed, expiring HeyGen URLs: next/image's optimiser would cache them past expiry.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={video.thumbnailUrl} alt="" className="h-full w-full object-contain" loading="lazy" />
        )}
        {video.duration !== null && (
          <span className="absolute bottom-2 right-2 rounded bg-black/70 px-1.5 py-0.5 text-xs text-white">
            {formatDuration(video.duration)}
          </span>
        )}
      </div>
      <p className="truncate px-3 py-2 font-medium group-hover:text-indigo-700">{video.title}</p>
    </Link>
  );
}
