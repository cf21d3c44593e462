import Link from "next/link";
import { AdminVideoActions, type Notice } from "@/components/videos/AdminVideoActions";
import { StatusBadge } from "@/components/videos/StatusBadge";
import { VideoFacts } from "@/components/videos/VideoFacts";
import { VideoThumbnail } from "@/components/videos/VideoThumbnail";
import { focusRing } from "@/components/ui/focus-ring";
import { PresentedByLine } from "@/components/ui/PresentedByLine";
import { TranslationOfLine } from "@/components/videos/TranslationOfLine";
import type { AdminVideo } from "@/lib/video";

type Props = {
  video: AdminVideo;
  onNotice: (notice: Notice) => void;
  onChanged: () => void;
  onDelete: (video: AdminVideo) => void;
};

const versionLink = `font-medium text-indigo-700 underline hover:text-indigo-900 ${focusRing}`;

/**
 * One video of the admin list: what it is (a translation says its language and links its source), how it went, how it
 * relates to its other versions, what can be done.
 */
export function AdminVideoRow({ video, ...actions }: Props) {
  return (
    <li data-video-id={video.id} className="grid grid-cols-[6.5rem_1fr] gap-3 py-4 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <Link href={`/videos/${video.id}`} tabIndex={-1} aria-hidden className="self-start">
        <VideoThumbnail video={video} />
      </Link>
      <div className="min-w-0 space-y-1.5">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <h3 className="min-w-0 font-medium break-words">
            <Link href={`/videos/${video.id}`} className={`text-indigo-700 hover:underline ${focusRing}`}>
              {video.title}
            </Link>
          </h3>
          <StatusBadge status={video.status} />
          {video.unconfirmed && <span className="text-xs text-amber-800">not confirmed by HeyGen yet</span>}
          <CopyMarker video={video} />
        </div>
        {video.translationOf && <TranslationOfLine translation={video.translationOf} />}
        {video.presentedBy && <PresentedByLine presentedBy={video.presentedBy} />}
        <VideoFacts video={video} />
        {video.status === "FAILED" && video.error && <p className="text-sm break-words text-red-700">{video.error}</p>}
        <Versions video={video} />
        <AdminVideoActions video={video} {...actions} />
      </div>
    </li>
  );
}

/** Our copy of a ready video's media, when it is worth a glance: stored, or given up on (Retry is on its page). */
function CopyMarker({ video }: { video: AdminVideo }) {
  const { state } = video.mediaCopy;
  if (state !== "stored" && state !== "failed") return null;
  return state === "stored" ? (
    <span data-copy="stored" className="rounded-full border border-emerald-200 px-2 py-0.5 text-xs text-emerald-800">
      Copy stored
    </span>
  ) : (
    <span data-copy="failed" className="rounded-full border border-red-200 px-2 py-0.5 text-xs text-red-700">
      Copy failed
    </span>
  );
}

function Versions({ video }: { video: AdminVideo }) {
  const { regeneratedFromId: from, regenerationIds: again } = video;
  if (!from && again.length === 0) return null;
  return (
    <p className="text-sm text-slate-600">
      {from && (
        <>
          Regenerated from{" "}
          <Link href={`/videos/${from}`} className={versionLink}>
            the earlier video
          </Link>
          {again.length > 0 && ". "}
        </>
      )}
      {again.length > 0 && (
        <>
          Regenerated as{" "}
          {again.map((id, index) => (
            <span key={id}>
              {index > 0 && ", "}
              <Link href={`/videos/${id}`} className={versionLink}>
                <span className="sr-only">regeneration </span>#{index + 1}
              </Link>
            </span>
          ))}
        </>
      )}
    </p>
  );
}
