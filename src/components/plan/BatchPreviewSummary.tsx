import type { BatchPreview } from "@/lib/batch";
import { formatUsd } from "@/lib/cost";
import { formatPlanDay } from "@/lib/format";

/** 125 → "2 min 5 s", 40 → "40 s": an estimate of spoken length, to the second. */
const minutesAndSeconds = (total: number) => {
  const seconds = Math.round(total);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
};

const videos = (count: number) => `${count} ${count === 1 ? "video" : "videos"}`;
export const translations = (count: number) => `${count} ${count === 1 ? "translation" : "translations"}`;

/** Past this many, the list of videos starts folded: the count above already says how many. */
const LIST_OPEN_UP_TO = 12;

/**
 * How many videos the selection makes, how long and what they cost, and which (each day, title and presenter, also
 * marked in the matrix); apart, the translations into the presenters' languages and their cost (issue 19); what it
 * skips; the scripts it cannot make.
 */
export function BatchPreviewSummary({ preview }: { preview: BatchPreview }) {
  return (
    <div className="space-y-2">
      <p className="font-medium" data-testid="batch-estimate">
        {videos(preview.missing)}, about {minutesAndSeconds(preview.seconds)}, ≈ {formatUsd(preview.costUsd)}
      </p>
      {preview.videos.length > 0 && (
        <details open={preview.videos.length <= LIST_OPEN_UP_TO} className="text-sm">
          <summary className="cursor-pointer text-slate-700">
            Which {preview.videos.length === 1 ? "video" : `${preview.videos.length} videos`} (marked in the matrix
            above)
          </summary>
          <ul aria-label="Videos this will make" className="mt-1 list-disc space-y-0.5 pl-5">
            {preview.videos.map((video) => (
              <li key={`${video.planScriptId}:${video.presenterId}`}>
                <time dateTime={video.date}>{formatPlanDay(video.date)}</time>, {video.title}, by {video.presenterName}
              </li>
            ))}
          </ul>
        </details>
      )}
      {preview.translations.length > 0 && <TranslationsSummary preview={preview} />}
      {preview.skipped > 0 && (
        <p className="text-sm text-slate-700">{videos(preview.skipped)} already made or on the way: skipped.</p>
      )}
      {preview.translationsSkipped > 0 && (
        <p className="text-sm text-slate-700">
          {translations(preview.translationsSkipped)} already made or on the way: skipped.
        </p>
      )}
      {preview.errors.length > 0 && (
        <div className="text-sm">
          <p className="font-medium text-red-700">
            {preview.errors.length === 1 ? "1 script" : `${preview.errors.length} scripts`} cannot be made:
          </p>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-red-700">
            {preview.errors.map((error) => (
              <li key={`${error.planScriptId}${error.message}`}>
                <time dateTime={error.date}>{formatPlanDay(error.date)}</time>, {error.title}: {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The translations the selection makes: how many, their cost (HeyGen's speed mode), and which. */
function TranslationsSummary({ preview }: { preview: BatchPreview }) {
  const list = preview.translations;
  return (
    <>
      <p className="font-medium" data-testid="translation-estimate">
        {translations(list.length)} into the presenters’ languages, ≈ {formatUsd(preview.translationCostUsd)}
        <span className="block text-sm font-normal text-slate-700">
          Each is sent once its video is made (HeyGen’s speed mode, with captions).
        </span>
      </p>
      <details open={list.length <= LIST_OPEN_UP_TO} className="text-sm">
        <summary className="cursor-pointer text-slate-700">
          Which {list.length === 1 ? "translation" : `${list.length} translations`}
        </summary>
        <ul aria-label="Translations this will make" className="mt-1 list-disc space-y-0.5 pl-5">
          {list.map((item) => (
            <li key={`${item.planScriptId}:${item.presenterId}:${item.language}`}>
              <time dateTime={item.date}>{formatPlanDay(item.date)}</time>, {item.title}, by {item.presenterName}, into{" "}
              {item.language}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
