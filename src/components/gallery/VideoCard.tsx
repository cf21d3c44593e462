import Link from "next/link";
import { focusRing } from "@/components/ui/focus-ring";
import { PresentedByLine } from "@/components/ui/PresentedByLine";
import { ThumbnailImages } from "@/components/ui/ThumbnailImages";
import { formatAge, formatDuration } from "@/lib/format";
import type { PresentedBy, PublicVideo } from "@/lib/video";

/**
 * A gallery card: the thumbnail in a 16:9 box (ThumbnailImages), its length, the title, who presents it and its age.
 */
export function VideoCard({ video }: { video: PublicVideo & { presentedBy?: PresentedBy | null } }) {
  return (
    <Link href={`/videos/${video.id}`} className={`group block rounded-lg ${focusRing}`}>
      <div className="relative aspect-video overflow-hidden rounded-lg bg-slate-900">
        {video.thumbnailUrl ? (
          <ThumbnailImages
            url={video.thumbnailUrl}
            aspectRatio={video.aspectRatio}
            className="transition duration-200 group-hover:scale-[1.02]"
          />
        ) : (
          <span className="absolute inset-0 flex items-center justify-center text-4xl text-slate-500" aria-hidden>
            ▶
          </span>
        )}
        {video.duration !== null && (
          <span className="absolute right-2 bottom-2 rounded bg-black/80 px-1.5 py-0.5 text-xs font-medium text-white tabular-nums">
            <span className="sr-only">Duration </span>
            {formatDuration(video.duration)}
          </span>
        )}
      </div>
      <h2 className="mt-3 line-clamp-2 font-medium break-words group-hover:text-indigo-700">{video.title}</h2>
      {video.presentedBy && <PresentedByLine presentedBy={video.presentedBy} className="mt-1" />}
      <p className="mt-1 text-sm text-slate-600">
        <time dateTime={video.createdAt}>{formatAge(video.createdAt)}</time>
      </p>
    </Link>
  );
}
