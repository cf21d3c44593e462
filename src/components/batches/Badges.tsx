import type { BatchStatus, ItemState } from "@/lib/batch";
import { BATCH_STATUS_LABELS, batchStatusStyle, ITEM_STATE_LABELS, ITEM_STATE_STYLES } from "./states";

const badge = "inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap";

export function ItemStateBadge({ state }: { state: ItemState }) {
  return (
    <span className={`${badge} ${ITEM_STATE_STYLES[state].badge}`} data-state={state}>
      {ITEM_STATE_LABELS[state]}
    </span>
  );
}

export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  return (
    <span className={`${badge} ${batchStatusStyle(status)}`} data-batch-status={status}>
      {BATCH_STATUS_LABELS[status]}
    </span>
  );
}
