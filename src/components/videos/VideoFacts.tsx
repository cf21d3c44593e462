import { Fragment } from "react";
import { formatAge, formatDuration } from "@/lib/format";
import { costOfSeconds, formatUsd } from "@/lib/cost";
import { translationCost } from "@/lib/translations";
import { renderSeconds, type AdminVideo } from "@/lib/video";
import { ASPECT_RATIO_LABELS, RESOLUTION_LABELS } from "@/lib/video-format";

/**
 * Two lines: the video's format, then its age, render time and, once finished, its length and what it cost (a
 * translation at its mode's price a second).
 */
export function VideoFacts({ video }: { video: AdminVideo }) {
  const rendered = renderSeconds(video);
  const { captions, outputFormat } = video.options;
  const translation = video.translationOf;
  const format = [
    ASPECT_RATIO_LABELS[video.aspectRatio],
    RESOLUTION_LABELS[video.resolution],
    translation
      ? `${translation.captions ? "captions" : "no captions"} in ${translation.language}`
      : captions === "burned"
        ? "captions burned in"
        : "captions as a file",
    !translation && outputFormat === "webm" && "WebM",
  ];
  const history = [
    // The age depends on the clock: the server's and the browser's may say it differently for a moment.
    <time key="age" dateTime={video.createdAt} suppressHydrationWarning>
      {formatAge(video.createdAt)}
    </time>,
    rendered !== null && `${video.status === "FAILED" ? "failed after" : "rendered in"} ${formatDuration(rendered)}`,
    video.status === "COMPLETED" && video.duration !== null && (
      <span key="cost" data-testid="video-cost">
        {formatDuration(video.duration)} long, cost{" "}
        {formatUsd(translation ? translationCost(video.duration, 1, translation.mode) : costOfSeconds(video.duration))}
      </span>
    ),
  ];
  return (
    <div className="text-sm text-slate-600">
      <Line parts={format} />
      <Line parts={history} />
    </div>
  );
}

/** Parts joined by a dot that screen readers skip. */
function Line({ parts }: { parts: React.ReactNode[] }) {
  return (
    <p>
      {parts.filter(Boolean).map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <span aria-hidden> · </span>}
          {part}
        </Fragment>
      ))}
    </p>
  );
}
