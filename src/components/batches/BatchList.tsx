import Link from "next/link";
import { monthLabel } from "@/components/plan/MonthNav";
import { focusRing } from "@/components/ui/focus-ring";
import { formatEta } from "@/lib/batch-eta";
import { formatDate } from "@/lib/format";
import type { BatchView } from "@/lib/batch";
import { BatchStatusBadge } from "./Badges";
import { BatchProgressBar, finishedCount } from "./BatchProgressBar";

type BatchSummary = Omit<BatchView, "items">;

/** The latest batches, newest first: each links to its page and shows its bar. */
export function BatchList({ batches }: { batches: BatchSummary[] }) {
  if (batches.length === 0) {
    return (
      <p className="text-slate-700">
        No batches yet: generate what is missing from the{" "}
        <Link href="/admin/plan" className={`text-indigo-700 underline ${focusRing}`}>
          plan
        </Link>
        .
      </p>
    );
  }
  return (
    <ul className="space-y-4">
      {batches.map((batch) => (
        <li key={batch.id} data-batch-id={batch.id} className="space-y-3 rounded-lg border border-slate-200 p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="font-semibold">
              <Link href={`/admin/batches/${batch.id}`} className={`text-indigo-700 underline ${focusRing}`}>
                {monthLabel(batch.month)}
                {batch.tag ? ` · #${batch.tag}` : ""}
              </Link>
            </h2>
            <BatchStatusBadge status={batch.status} />
          </div>
          <p className="text-sm text-slate-700">
            {formatDate(batch.createdAt)} · {batch.review ? "reviewed" : "not reviewed"} · {finishedCount(batch.counts)}{" "}
            of {batch.total} finished
            {batch.etaSeconds !== null && batch.status === "running" ? ` · ${formatEta(batch.etaSeconds)} left` : ""}
          </p>
          <BatchProgressBar
            batch={batch}
            label={`Progress of the ${monthLabel(batch.month)} batch of ${formatDate(batch.createdAt)}`}
          />
        </li>
      ))}
    </ul>
  );
}
