"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { focusRing } from "@/components/ui/focus-ring";
import type { ActionOutcome as Outcome } from "@/hooks/use-action-outcome";
import { useBatchPreview } from "@/hooks/use-batch-preview";
import { usePlanMatrix } from "@/hooks/use-plan-matrix";
import { PAIR_STATES, pairKey, type BatchSelection, type BatchTriggerResult } from "@/lib/batch";
import { fetchJson } from "@/lib/fetch-json";
import { TRANSLATION_STATES, type PlanMatrix } from "@/lib/plan-matrix";
import { BatchPreviewSummary, translations } from "./BatchPreviewSummary";
import { batchFailure } from "./batch-failure";
import { usePlanChoice } from "./PlanChoice";
import { SelectionFields, type Cover } from "./SelectionFields";

type Props = {
  month: string;
  tags: string[];
  presenters: Array<{ id: string; name: string }>;
  /** The month's matrix as the page read it, and a fingerprint of everything the page read (see planRevision). */
  matrix: PlanMatrix;
  revision: string;
};

/** "Generate what is missing" for the month: pick what it covers, see the count and the cost, then queue them once. */
export function GeneratePanel({ month, tags, presenters, matrix, revision }: Props) {
  const router = useRouter();
  const [cover, setCover] = useState<Cover>("all");
  const [tag, setTag] = useState(tags[0] ?? "");
  const [picked, setPicked] = useState<string[]>([]);
  const [review, setReview] = useState(true);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [sending, setSending] = useState(false);
  // A ref, not state: a second click in the same tick must see the first one at once.
  const inFlight = useRef(false);

  const selection: BatchSelection | null =
    cover === "all"
      ? { month }
      : cover === "tag"
        ? tag
          ? { month, tag }
          : null
        : picked.length
          ? { month, presenterIds: picked }
          : null;
  // The count follows the plan: the page's refresh after any change to it (a new revision), and the live matrix
  // (shared with StatusMatrix, one request) when a pair moves, e.g. a render that failed is missing again.
  const { data: live = matrix } = usePlanMatrix(matrix);
  const moves = [
    ...PAIR_STATES.map((state) => live.counts[state]),
    ...TRANSLATION_STATES.map((state) => live.translationCounts[state]),
  ];
  const preview = useBatchPreview(selection, `${revision}:${moves.join(".")}`);
  const count = preview.data?.missing ?? 0;
  const translationCount = preview.data?.translations.length ?? 0;

  // The matrix marks the cells this selection makes; nothing while it is being counted.
  const { setToMake } = usePlanChoice();
  const videos = selection ? preview.data?.videos : undefined;
  useEffect(() => {
    setToMake(new Set(videos?.map((video) => pairKey(video.planScriptId, video.presenterId))));
  }, [videos, setToMake]);

  const change = (update: () => void) => {
    update();
    setOutcome(null);
  };

  async function generate() {
    if (inFlight.current || !selection) return;
    inFlight.current = true;
    setSending(true);
    setOutcome(null);
    try {
      const result = await fetchJson<BatchTriggerResult>("/api/admin/batches", {
        method: "POST",
        body: JSON.stringify({ ...selection, review }),
      });
      if (result.batchId) {
        router.push(`/admin/batches/${result.batchId}`);
        return; // the button stays disabled while the batch's page loads
      }
      setOutcome({
        kind: "done",
        message: "Nothing is missing: every video and translation of this selection is made or on its way.",
      });
      await preview.mutate();
    } catch (error) {
      setOutcome({ kind: "error", message: batchFailure(error, "queue") });
    }
    inFlight.current = false;
    setSending(false);
  }

  return (
    <section aria-labelledby="generate-missing" className="space-y-4 rounded-md border border-slate-200 p-4">
      <h2 id="generate-missing" className="text-lg font-semibold">
        Generate what is missing
      </h2>
      <SelectionFields
        cover={cover}
        onCover={(next) => change(() => setCover(next))}
        tags={tags}
        tag={tag}
        onTag={(next) => change(() => setTag(next))}
        presenters={presenters}
        picked={picked}
        onPicked={(next) => change(() => setPicked(next))}
      />
      <div>
        <label className="flex items-center gap-2 font-medium">
          <input
            type="checkbox"
            checked={review}
            onChange={(event) => setReview(event.target.checked)}
            aria-describedby="batch-review-hint"
            className={`size-4 ${focusRing}`}
          />
          Review before publishing
        </label>
        <p id="batch-review-hint" className="mt-1 text-sm text-slate-700">
          {review
            ? "Each video waits as a draft, seen by nobody, until an admin approves it; then it is public on its plan date."
            : "Each video is public on its plan date without review (at once when that date has passed)."}
        </p>
      </div>
      <div role="status" aria-live="polite" className="min-h-6">
        {!selection ? (
          <p className="text-sm text-slate-700">
            {cover === "tag" ? "No presenter carries a tag yet." : "Tick at least one presenter."}
          </p>
        ) : preview.error ? (
          <p className="text-sm text-red-700">{batchFailure(preview.error, "count")}</p>
        ) : preview.data ? (
          <BatchPreviewSummary preview={preview.data} />
        ) : (
          <p className="text-sm text-slate-700">Counting the missing videos…</p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={generate}
          disabled={!selection || !preview.data || count + translationCount === 0 || sending}
          className="rounded-md bg-indigo-600 px-5 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
        >
          {sending ? "Queueing…" : generateLabel(count, translationCount)}
        </button>
        <ActionOutcome outcome={outcome} />
      </div>
    </section>
  );
}

/** "Generate 12 videos", "Generate 12 videos, 24 translations", "Generate 3 translations". */
function generateLabel(count: number, translationCount: number) {
  const parts = [
    (count > 0 || translationCount === 0) && `${count} ${count === 1 ? "video" : "videos"}`,
    translationCount > 0 && translations(translationCount),
  ].filter(Boolean);
  return `Generate ${parts.join(", ")}`;
}
