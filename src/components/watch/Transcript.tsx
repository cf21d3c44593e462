"use client";

import { focusRing } from "@/components/ui/focus-ring";
import { useCaptionCues } from "@/hooks/use-caption-cues";
import { useVideo } from "@/hooks/use-video";
import { formatDuration } from "@/lib/format";
import type { PublicVideo } from "@/lib/video";
import { useWatchPlayer } from "./player-context";
import { useLanguage } from "./use-language";

type Props = {
  initialVideo: PublicVideo;
  /** The language the page opened in (a video id, issue 19); default the original. */
  initialLanguage?: string;
  script: string;
};

/**
 * What is said in the video: the script, and once the captions are in, each line with its time. A line plays the
 * video from there; the line being spoken is marked while it plays. It follows the player's language (issue 19): a
 * translation's captions, or its script until they are in.
 */
export function Transcript({ initialVideo, initialLanguage, script }: Props) {
  const video = useVideo(initialVideo).data ?? initialVideo;
  const { current } = useLanguage(video, initialLanguage);
  const captioned = current ? current.subtitleUrl !== null : video.status === "COMPLETED" && video.subtitleUrl !== null;
  const { data: cues } = useCaptionCues(current?.videoId ?? video.id, captioned);
  const player = useWatchPlayer();

  return (
    <section aria-labelledby="transcript-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="transcript-heading" className="font-semibold">
        Transcript
      </h2>
      {cues && cues.length > 0 ? (
        <ol
          className="mt-2 max-h-80 space-y-1 overflow-y-auto"
          data-testid="transcript-cues"
          lang={current?.tag ?? undefined}
        >
          {cues.map((cue) => {
            const current = player !== null && player.time >= cue.start && player.time < cue.end;
            return (
              <li key={cue.start}>
                <button
                  type="button"
                  onClick={() => player?.playFrom(cue.start)}
                  aria-current={current ? "true" : undefined}
                  className={`flex w-full gap-3 rounded px-2 py-1 text-left hover:bg-slate-100 ${current ? "bg-indigo-50 font-medium text-indigo-900" : "text-slate-800"} ${focusRing}`}
                >
                  <span className="shrink-0 text-slate-600 tabular-nums">
                    <span className="sr-only">Play from </span>
                    {formatDuration(cue.start)}
                  </span>
                  <span>{cue.text}</span>
                </button>
              </li>
            );
          })}
        </ol>
      ) : (
        <>
          {current && (
            <p className="mt-2 text-sm text-slate-600">No transcript in {current.name}: the original script.</p>
          )}
          <p className="mt-2 whitespace-pre-line text-slate-800">{script}</p>
        </>
      )}
    </section>
  );
}
