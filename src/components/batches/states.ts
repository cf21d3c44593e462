import type { BatchStatus, ItemState } from "@/lib/batch";

/** An item's state in words: badges, the bar's legend and the counts all say these. */
export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  queued: "Queued",
  submitted: "Submitted",
  rendering: "Rendering",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** Badge colours (text on tint, AA) and the bar's segment colours; the words always go with them. */
export const ITEM_STATE_STYLES: Record<ItemState, { badge: string; segment: string }> = {
  queued: { badge: "bg-slate-100 text-slate-700", segment: "bg-slate-300" },
  submitted: { badge: "bg-sky-100 text-sky-800", segment: "bg-sky-500" },
  rendering: { badge: "bg-amber-100 text-amber-900", segment: "bg-amber-500" },
  completed: { badge: "bg-emerald-100 text-emerald-800", segment: "bg-emerald-600" },
  failed: { badge: "bg-red-100 text-red-800", segment: "bg-red-600" },
  cancelled: { badge: "bg-slate-200 text-slate-800", segment: "bg-slate-600" },
};

export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  running: "Running",
  paused: "Paused",
  cancelled: "Cancelled",
  done: "Done",
};

const BATCH_STATUS_STYLES: Record<BatchStatus, string> = {
  running: "bg-sky-100 text-sky-800",
  paused: "bg-amber-100 text-amber-900",
  cancelled: "bg-slate-200 text-slate-800",
  done: "bg-emerald-100 text-emerald-800",
};

export const batchStatusStyle = (status: BatchStatus) => BATCH_STATUS_STYLES[status];
