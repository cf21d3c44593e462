"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { smallButton } from "@/components/ui/buttons";
import { focusRing } from "@/components/ui/focus-ring";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { useReviewQueue } from "@/hooks/use-review-queue";
import { fetchJson } from "@/lib/fetch-json";
import type { BulkApproval, ReviewDraft, ReviewQueuePage } from "@/lib/review";
import { RejectDialog } from "./RejectDialog";
import { ReviewItem, reviewItemId } from "./ReviewItem";
import { approvedMessage, bulkMessage, isTyping } from "./review-words";

/**
 * The review queue: every ready draft, oldest plan date first, each playable with its script, to approve (public at
 * its plan moment, or now) or reject with a reason; a selection to approve at once. Decided drafts leave the list and
 * focus moves to the next one. Keyboard shortcuts (j / k, a, r, x) act on the focused draft, never while typing.
 */
export function ReviewQueue({ initial }: { initial: ReviewQueuePage }) {
  const router = useRouter();
  const { queue, remove } = useReviewQueue(initial);
  const { pending, outcome, run } = useActionOutcome();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [rejecting, setRejecting] = useState<ReviewDraft | null>(null);
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const emptyHeading = useRef<HTMLHeadingElement>(null);
  const drafts = queue.drafts;
  const shownSelected = drafts.filter((draft) => selected.has(draft.id));

  useEffect(() => {
    if (focusNext === null) return;
    // "": the queue is emptied; the heading that says so is there once the list has gone.
    const target = focusNext ? document.getElementById(reviewItemId(focusNext)) : emptyHeading.current;
    if (!target) return;
    target.focus();
    setFocusNext(null);
  }, [focusNext, drafts]);

  /** Takes decided drafts out; focus goes to the draft after the first of them (or before, at the end). */
  async function leave(ids: readonly string[]) {
    const rest = drafts.filter((draft) => !ids.includes(draft.id));
    const first = drafts.findIndex((draft) => ids.includes(draft.id));
    const following = drafts.slice(first + 1).find((draft) => !ids.includes(draft.id));
    setFocusNext((following ?? rest.at(-1))?.id ?? "");
    setSelected((current) => new Set([...current].filter((id) => !ids.includes(id))));
    await remove(ids);
    router.refresh(); // the admin tab's count
  }

  const approve = (draft: ReviewDraft) =>
    run(async () => {
      try {
        await fetchJson(`/api/admin/videos/${draft.id}/approve`, { method: "POST" });
      } catch (error) {
        await remove([]); // decided elsewhere, perhaps: read the queue again
        throw error;
      }
      await leave([draft.id]);
      return approvedMessage(draft);
    });

  const approveSelected = () =>
    run(async () => {
      const ids = shownSelected.map((draft) => draft.id);
      const result = await fetchJson<BulkApproval>("/api/admin/review/approve", {
        method: "POST",
        body: JSON.stringify({ ids }),
      });
      await leave(ids);
      return bulkMessage(result);
    });

  function onKeyDown(event: React.KeyboardEvent<HTMLElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target) || rejecting) return;
    const index = drafts.findIndex((draft) =>
      document.getElementById(reviewItemId(draft.id))?.contains(event.target as Node),
    );
    const current = drafts[index];
    const go = (to: number) => document.getElementById(reviewItemId(drafts[to]?.id ?? ""))?.focus();
    const actions: Record<string, () => void> = {
      j: () => go(index + 1),
      k: () => go(Math.max(0, index - 1)),
      a: () => current && !pending && void approve(current),
      r: () => current && setRejecting(current),
      x: () => current && toggle(current.id, !selected.has(current.id)),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allSelected = drafts.length > 0 && shownSelected.length === drafts.length;

  if (drafts.length === 0) {
    return (
      <section aria-labelledby="review-empty" className="space-y-2">
        <h2 id="review-empty" ref={emptyHeading} tabIndex={-1} className={`text-lg font-semibold ${focusRing}`}>
          Nothing awaits review
        </h2>
        <ActionOutcome outcome={outcome} />
        <p className="text-slate-700">
          Drafts appear here once they are made.{" "}
          <Link href="/admin/plan" className="text-indigo-700 underline">
            Open the plan
          </Link>{" "}
          to generate what is missing.
        </p>
      </section>
    );
  }

  return (
    <section aria-label="Drafts awaiting review" onKeyDown={onKeyDown} className="space-y-4">
      <p className="text-slate-700">
        {queue.count === 1 ? "1 draft awaits" : `${queue.count} drafts await`} review
        {queue.count > drafts.length && ` (the oldest ${drafts.length} shown: more appear as these are decided)`}.
      </p>
      <p id="review-shortcuts" className="text-sm text-slate-600">
        Keyboard: <kbd>j</kbd> / <kbd>k</kbd> next and previous draft, <kbd>a</kbd> approve, <kbd>r</kbd> reject,{" "}
        <kbd>x</kbd> select (on the focused draft; not while typing).
      </p>
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white/95 py-2">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={allSelected}
            onChange={(event) =>
              setSelected(event.currentTarget.checked ? new Set(drafts.map((draft) => draft.id)) : new Set())
            }
            className={`size-4 ${focusRing}`}
          />
          Select all
        </label>
        <button
          type="button"
          disabled={pending || shownSelected.length === 0}
          onClick={() => void approveSelected()}
          className={smallButton}
        >
          Approve selected ({shownSelected.length})
        </button>
        <ActionOutcome outcome={outcome} />
      </div>
      <ol className="space-y-4" aria-describedby="review-shortcuts">
        {drafts.map((draft) => (
          <ReviewItem
            key={draft.id}
            draft={draft}
            selected={selected.has(draft.id)}
            busy={pending}
            onSelect={(on) => toggle(draft.id, on)}
            onApprove={() => void approve(draft)}
            onReject={() => setRejecting(draft)}
          />
        ))}
      </ol>
      {rejecting && (
        <RejectDialog
          key={rejecting.id}
          draft={rejecting}
          onDone={() => void leave([rejecting.id])}
          onClose={() => setRejecting(null)}
        />
      )}
    </section>
  );
}
