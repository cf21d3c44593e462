"use client";

import { formatDate } from "@/lib/format";
import { formatEta } from "@/lib/batch-eta";
import type { BatchView } from "@/lib/batch";
import { isMoving, useBatch } from "@/hooks/use-batch";
import { monthLabel } from "@/components/plan/MonthNav";
import { BatchStatusBadge } from "./Badges";
import { BatchControls } from "./BatchControls";
import { BatchItemsTable } from "./BatchItemsTable";
import { BatchProgressBar, finishedCount } from "./BatchProgressBar";

/** A batch as it progresses: what it covers, its bar and ETA, its controls and every item, read again every 2 s. */
export function BatchDetail({ initial }: { initial: BatchView }) {
  const { data, error, mutate } = useBatch(initial);
  const batch = data ?? initial;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">Batch for {monthLabel(batch.month)}</h1>
          <BatchStatusBadge status={batch.status} />
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600">For</dt>
          <dd>{coverage(batch)}</dd>
          <dt className="text-slate-600">Publishing</dt>
          <dd>
            {batch.review
              ? "Reviewed: each video waits as a draft until an admin approves it in review."
              : "Not reviewed: each video is public at its plan date (at once when that has passed)."}
          </dd>
          <dt className="text-slate-600">Requested</dt>
          <dd>
            {formatDate(batch.createdAt)}, {batch.requestedBy === "api" ? "by automation (API token)" : "by an admin"}
          </dd>
        </dl>
      </div>
      <section aria-labelledby="batch-progress" className="space-y-3">
        <h2 id="batch-progress" className="text-lg font-semibold">
          Progress: {finishedCount(batch.counts)} of {batch.total} finished
        </h2>
        <BatchProgressBar batch={batch} label="Batch progress" />
        {/* A live region: a pause, a resume or a cancel (by this admin or another) is announced here, once. */}
        <p role="status" className="text-sm text-slate-700" data-testid="batch-eta">
          {etaWords(batch)}
        </p>
        {error && isMoving(batch) && (
          <p role="alert" className="text-sm text-red-700">
            Could not read the batch&rsquo;s latest state ({(error as Error).message}); trying again.
          </p>
        )}
        <BatchControls batchId={batch.id} status={batch.status} total={batch.total} onChanged={() => mutate()} />
      </section>
      <section aria-labelledby="batch-items" className="space-y-3">
        <h2 id="batch-items" className="text-lg font-semibold">
          Items
        </h2>
        <BatchItemsTable items={batch.items} />
      </section>
    </div>
  );
}

function coverage(batch: BatchView): string {
  const presenters = [...new Map(batch.items.map((item) => [item.presenter.id, item.presenter.name])).entries()];
  const named = batch.presenterIds
    .map((id) => presenters.find(([presenterId]) => presenterId === id)?.[1])
    .filter(Boolean);
  const who =
    batch.presenterIds.length === 0
      ? "every active presenter"
      : named.length === batch.presenterIds.length
        ? named.join(", ")
        : `${batch.presenterIds.length} presenters`;
  return batch.tag ? `${who} tagged #${batch.tag}` : who;
}

function etaWords(batch: BatchView): string {
  if (batch.status === "paused") return "Paused: nothing is sent until it is resumed, so there is no estimate.";
  if (batch.etaSeconds === null)
    return batch.status === "cancelled" ? "Cancelled: nothing is left to finish." : "Done: every item is finished.";
  return `Estimated time left: ${formatEta(batch.etaSeconds)}.`;
}
