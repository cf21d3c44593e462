import Link from "next/link";
import type { PairState } from "@/lib/batch";
import { formatMomentIn } from "@/lib/format";
import type { PlanMatrixCell } from "@/lib/plan-matrix";
import { focusRing } from "@/components/ui/focus-ring";

/** The states in words (the badge never relies on its colour alone). */
export const PAIR_LABELS: Record<PairState, string> = {
  missing: "Missing",
  queued: "Queued",
  submitted: "Submitted",
  rendering: "Rendering",
  awaiting_review: "Awaiting review",
  scheduled: "Scheduled",
  published: "Published",
  completed: "Ready (private)",
  rejected: "Rejected",
  failed: "Failed",
};

const STYLES: Record<PairState, string> = {
  missing: "border border-dashed border-slate-400 bg-white text-slate-700",
  queued: "bg-slate-100 text-slate-800",
  submitted: "bg-sky-100 text-sky-900",
  rendering: "bg-amber-100 text-amber-900",
  awaiting_review: "bg-violet-100 text-violet-900",
  scheduled: "bg-teal-100 text-teal-900",
  published: "bg-emerald-100 text-emerald-900",
  completed: "bg-slate-200 text-slate-900",
  rejected: "border border-dashed border-red-400 bg-white text-red-800",
  failed: "bg-red-100 text-red-800",
};

/**
 * A state in words; a scheduled pair's moment (in the plan's time zone) follows its label, and a rejected pair's
 * reason is its title and, for screen readers, part of its text.
 */
export function PairStateBadge({ state, detail }: { state: PairState; detail?: PairDetail }) {
  const moment = state === "scheduled" && detail?.publishAt ? formatMomentIn(detail.publishAt, detail.timeZone) : null;
  const reason = state === "rejected" && detail?.reason ? `Rejected: ${detail.reason}` : undefined;
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STYLES[state]}`}
      data-state={state}
      title={reason}
    >
      {PAIR_LABELS[state]}
      {moment && <time dateTime={detail!.publishAt}>&nbsp;{moment}</time>}
      {reason && <span className="sr-only">: {detail!.reason} (counts as missing: generate it again)</span>}
    </span>
  );
}

type PairDetail = { publishAt?: string; reason?: string; timeZone: string };

/** One pair: its state, linked to its video (or, before there is one, to its batch). */
export function PairBadge({ cell, timeZone }: { cell: Omit<PlanMatrixCell, "languages">; timeZone: string }) {
  const href = cell.videoId
    ? `/videos/${cell.videoId}`
    : cell.batchId && cell.state !== "missing"
      ? `/admin/batches/${cell.batchId}`
      : null;
  const badge = <PairStateBadge state={cell.state} detail={{ ...cell, timeZone }} />;
  if (!href) return badge;
  return (
    <Link href={href} className={`rounded-full underline-offset-2 hover:underline ${focusRing}`}>
      {badge}
      <span className="sr-only">{cell.videoId ? ", open the video" : ", open its batch"}</span>
    </Link>
  );
}
