import { ITEM_STATES, type BatchView } from "@/lib/batch";
import { ITEM_STATE_LABELS, ITEM_STATE_STYLES } from "./states";

/** Items that will not change any more. */
export const finishedCount = (counts: BatchView["counts"]) => counts.completed + counts.failed + counts.cancelled;

/**
 * The batch's items as one bar of coloured parts, in the order they move (queued → ... → completed, failed,
 * cancelled), and the same counts in words below it: colour is never the only way to read it.
 */
export function BatchProgressBar({ batch, label }: { batch: Pick<BatchView, "counts" | "total">; label: string }) {
  const { counts, total } = batch;
  const finished = finishedCount(counts);
  const shown = ITEM_STATES.filter((state) => counts[state] > 0);
  return (
    <div className="space-y-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={finished}
        aria-valuetext={`${finished} of ${total} finished`}
        className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100"
      >
        {shown.map((state) => (
          <div
            key={state}
            data-segment={state}
            title={`${ITEM_STATE_LABELS[state]}: ${counts[state]}`}
            className={`h-full ${ITEM_STATE_STYLES[state].segment}`}
            style={{ width: `${(counts[state] / total) * 100}%` }}
          />
        ))}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-label="Items by state">
        {ITEM_STATES.map((state) => (
          <li key={state} className="flex items-center gap-1.5" data-count={state}>
            <span aria-hidden className={`inline-block size-2.5 rounded-full ${ITEM_STATE_STYLES[state].segment}`} />
            {ITEM_STATE_LABELS[state]} <span className="font-medium text-slate-900">{counts[state]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
