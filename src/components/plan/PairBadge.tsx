import Link from "next/link";
import type { PairState } from "@/lib/batch";
import type { PlanMatrixCell } from "@/lib/plan-matrix";
import { focusRing } from "@/components/ui/focus-ring";

/** The states in words (the badge never relies on its colour alone). */
export const PAIR_LABELS: Record<PairState, string> = {
  missing: "Missing",
  queued: "Queued",
  submitted: "Submitted",
  rendering: "Rendering",
  completed: "Ready",
  failed: "Failed",
};

const STYLES: Record<PairState, string> = {
  missing: "border border-dashed border-slate-400 bg-white text-slate-700",
  queued: "bg-slate-100 text-slate-800",
  submitted: "bg-sky-100 text-sky-900",
  rendering: "bg-amber-100 text-amber-900",
  completed: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-800",
};

export function PairStateBadge({ state }: { state: PairState }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STYLES[state]}`}
      data-state={state}
    >
      {PAIR_LABELS[state]}
    </span>
  );
}

/** One pair: its state, linked to its video (or, before there is one, to its batch). */
export function PairBadge({ cell }: { cell: PlanMatrixCell }) {
  const href = cell.videoId
    ? `/videos/${cell.videoId}`
    : cell.batchId && cell.state !== "missing"
      ? `/admin/batches/${cell.batchId}`
      : null;
  if (!href) return <PairStateBadge state={cell.state} />;
  return (
    <Link href={href} className={`rounded-full underline-offset-2 hover:underline ${focusRing}`}>
      <PairStateBadge state={cell.state} />
      <span className="sr-only">{cell.videoId ? ", open the video" : ", open its batch"}</span>
    </Link>
  );
}
