import { describeOptions, type PresenterEntry } from "@/lib/presenter";
import { ASPECT_RATIO_LABELS, RESOLUTION_LABELS } from "@/lib/video-format";

/**
 * A presenter's picture, name, look, voice, format, the options that differ from the defaults, tags, and the languages
 * its plan videos are translated into.
 */
export function PresenterFacts({ presenter }: { presenter: PresenterEntry }) {
  const options = describeOptions(presenter.options);
  const voice = presenter.voiceId
    ? (presenter.voiceName ?? presenter.voiceId)
    : `the look’s own${presenter.voiceName ? ` (${presenter.voiceName})` : ""}`;
  return (
    <div className="flex min-w-0 gap-4">
      <div className="size-20 shrink-0 overflow-hidden rounded-md bg-slate-100">
        {presenter.previewImageUrl && (
          // Signed, expiring HeyGen URLs: next/image's optimiser would cache them past expiry.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={presenter.previewImageUrl} alt="" className="h-full w-full object-cover" loading="lazy" />
        )}
      </div>
      <div className="min-w-0 text-sm text-slate-700">
        <h2 className="text-base font-semibold break-words text-slate-900">
          {presenter.name}
          {!presenter.active && (
            <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800">Inactive</span>
          )}
        </h2>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 break-words">
          <dt className="text-slate-600">Look</dt>
          <dd className="min-w-0">{presenter.lookName ?? presenter.avatarId}</dd>
          <dt className="text-slate-600">Voice</dt>
          <dd className="min-w-0">{voice}</dd>
          <dt className="text-slate-600">Format</dt>
          <dd data-testid="presenter-format">
            {ASPECT_RATIO_LABELS[presenter.aspectRatio]}, {RESOLUTION_LABELS[presenter.resolution]}
          </dd>
          <dt className="text-slate-600">Options</dt>
          <dd data-testid="presenter-options">{options.length ? options.join(", ") : "defaults"}</dd>
          <dt className="text-slate-600">Tags</dt>
          <dd data-testid="presenter-tags">{presenter.tags.length ? presenter.tags.join(", ") : "none"}</dd>
          <dt className="text-slate-600">Languages</dt>
          <dd data-testid="presenter-languages">
            {presenter.languages.length ? presenter.languages.join(", ") : "none (no translations)"}
          </dd>
        </dl>
      </div>
    </div>
  );
}
