"use client";

import { smallButton, smallDangerButton } from "@/components/ui/buttons";
import { focusRing } from "@/components/ui/focus-ring";
import { PresentedByLine } from "@/components/ui/PresentedByLine";
import { LocalDateTime } from "@/components/watch/LocalDateTime";
import { formatDuration, formatPlanDay } from "@/lib/format";
import type { ReviewItemProps } from "./review-props";

/** The element id of a draft's item, where focus goes when the one before it leaves the queue. */
export const reviewItemId = (id: string) => `review-${id}`;

/**
 * One draft: playable in place (its poster, captions) with its script beside it on a desktop and under it on a phone,
 * its plan day and presenter, what approval would do, and its actions. The item itself takes focus (tabIndex -1) so
 * that the keyboard shortcuts act on it.
 */
export function ReviewItem({ draft, selected, busy, onSelect, onApprove, onReject }: ReviewItemProps) {
  const headingId = `${reviewItemId(draft.id)}-title`;
  return (
    <li>
      <article
        id={reviewItemId(draft.id)}
        tabIndex={-1}
        aria-labelledby={headingId}
        data-testid="review-item"
        className={`grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2 ${focusRing}`}
      >
        <div className="space-y-2">
          {draft.videoUrl ? (
            <video
              controls
              preload="metadata"
              playsInline
              poster={draft.thumbnailUrl ?? undefined}
              src={draft.videoUrl}
              aria-label={`Play “${draft.title}”`}
              className="w-full rounded bg-black"
            >
              {draft.hasCaptions && (
                <track kind="captions" src={`/api/videos/${draft.id}/captions`} srcLang="en" label="Captions" />
              )}
            </video>
          ) : (
            <p className="text-sm text-slate-600">Its video file is not available.</p>
          )}
          {draft.duration !== null && <p className="text-sm text-slate-600">{formatDuration(draft.duration)}</p>}
        </div>
        <div className="min-w-0 space-y-3">
          <div className="flex items-start gap-3">
            <input
              type="checkbox"
              id={`${headingId}-select`}
              checked={selected}
              onChange={(event) => onSelect(event.currentTarget.checked)}
              className={`mt-1.5 size-4 ${focusRing}`}
            />
            <h2 id={headingId} className="text-lg font-semibold break-words">
              <label htmlFor={`${headingId}-select`}>{draft.title}</label>
            </h2>
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">Plan date</dt>
            <dd>{draft.planDate ? formatPlanDay(draft.planDate) + ` ${draft.planDate.slice(0, 4)}` : "None"}</dd>
            <dt className="text-slate-600">On approval</dt>
            <dd>
              {draft.publishesAt ? (
                <>
                  Publishes <LocalDateTime iso={draft.publishesAt} />
                </>
              ) : (
                "Publishes at once"
              )}
            </dd>
          </dl>
          {draft.presentedBy && <PresentedByLine presentedBy={draft.presentedBy} />}
          <div>
            <h3 className="text-sm font-medium text-slate-600">Script</h3>
            <p className="break-words whitespace-pre-line">{draft.script}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <button type="button" disabled={busy} onClick={onApprove} className={smallButton}>
              Approve<span className="sr-only"> “{draft.title}”</span>
            </button>
            <button type="button" disabled={busy} onClick={onReject} className={smallDangerButton}>
              Reject…<span className="sr-only"> “{draft.title}”</span>
            </button>
          </div>
        </div>
      </article>
    </li>
  );
}
