import { useElapsedSeconds } from "@/hooks/use-elapsed-seconds";
import { formatDuration, formatRoughDuration } from "@/lib/format";
import { overdueThreshold } from "@/lib/render-time";
import type { PublicVideo, VideoStatus } from "@/lib/video";

const STAGES = ["Queued", "Rendering", "Ready"] as const;
const CURRENT_STAGE: Record<VideoStatus, number> = { PENDING: 0, PROCESSING: 1, COMPLETED: 2, FAILED: 2 };

type Props = {
  video: PublicVideo;
  typicalRenderSeconds: number | null;
  connectionProblem: boolean;
  /** An admin is watching: the headline names HeyGen's part. */
  admin: boolean;
  /** The player's box: the progress fills exactly the space the video will. */
  className: string;
  style: React.CSSProperties;
};

/** While the video is made: the stages, the time so far and, from recent renders, about how long is left. */
export function RenderProgress({ video, typicalRenderSeconds, connectionProblem, admin, className, style }: Props) {
  const elapsed = useElapsedSeconds(video.createdAt, true);
  const current = CURRENT_STAGE[video.status];
  return (
    <div
      className={`${className} flex flex-col items-center justify-center gap-3 p-4 text-center text-slate-100 sm:gap-4 sm:p-6`}
      style={style}
      data-testid="video-generating"
    >
      <span
        className="hidden size-10 animate-spin rounded-full border-4 border-slate-600 border-t-white sm:block"
        aria-hidden
      />
      {/* Announced when the stage changes or the connection fails; the ticking clock below is not, it would talk every second. */}
      <div aria-live="polite" className="space-y-1">
        <p className="font-medium sm:text-lg">{headline(video, admin)}</p>
        {connectionProblem && <p className="text-sm text-amber-200">Connection lost. Retrying…</p>}
      </div>
      <ol aria-label="Progress" className="flex items-center gap-2 text-sm">
        {STAGES.map((stage, index) => (
          <li key={stage} aria-current={index === current ? "step" : undefined} className="flex items-center gap-2">
            {index > 0 && <span className="h-px w-4 bg-slate-500 sm:w-8" aria-hidden />}
            <StageMark index={index} current={current} />
            <span className={index === current ? "font-semibold text-white" : "text-slate-300"}>{stage}</span>
            {index < current && <span className="sr-only">(done)</span>}
          </li>
        ))}
      </ol>
      {/* The clock starts once in the browser (the server's time would not match); its lines are there from the start. */}
      <div className="space-y-1 self-stretch text-sm text-slate-300">
        <p>{elapsed === null ? "\u00a0" : `${formatDuration(elapsed)} elapsed · plays here once ready`}</p>
        {typicalRenderSeconds !== null && (
          <p>{elapsed === null ? "\u00a0" : estimate(typicalRenderSeconds, elapsed)}</p>
        )}
      </div>
    </div>
  );
}

function StageMark({ index, current }: { index: number; current: number }) {
  const look =
    index < current
      ? "bg-emerald-400 text-slate-950"
      : index === current
        ? "bg-white text-slate-950"
        : "border border-slate-400 text-slate-300";
  return (
    <span className={`flex size-6 items-center justify-center rounded-full text-xs font-semibold ${look}`} aria-hidden>
      {index < current ? "✓" : index + 1}
    </span>
  );
}

/** Viewers read what is happening in plain words; admins also read whose step it is (HeyGen's, or an unconfirmed create). */
function headline(video: PublicVideo, admin: boolean): string {
  if (video.status === "PENDING") {
    if (!admin) return "Getting ready to make this video…";
    return video.unconfirmed ? "Waiting for HeyGen to confirm this video…" : "Waiting for HeyGen to start…";
  }
  if (video.status === "PROCESSING") return admin ? "HeyGen is rendering this video…" : "This video is being made…";
  return "Ready: loading the video…";
}

/**
 * Past the typical time the render is not late yet: "longer than usual" only from the threshold the admin's Pending
 * page calls overdue (twice the typical time, at least 2 min), so "usually under a minute" is never followed by
 * "taking longer than usual" ten seconds in.
 */
function estimate(typical: number, elapsed: number): string {
  const usually = `usually ${formatRoughDuration(typical)}`;
  if (elapsed < typical) return `${usually} — ${formatRoughDuration(typical - elapsed)} left`;
  if (elapsed < overdueThreshold(typical).seconds) return `${usually} — should be ready soon`;
  return `${usually} — this one is taking longer`;
}
