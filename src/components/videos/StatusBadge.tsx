import { STATUS_LABELS, type VideoStatus } from "@/lib/video";

const STYLES: Record<VideoStatus, string> = {
  PENDING: "bg-slate-100 text-slate-700",
  PROCESSING: "bg-amber-100 text-amber-800",
  COMPLETED: "bg-emerald-100 text-emerald-800",
  FAILED: "bg-red-100 text-red-800",
};

export function StatusBadge({ status }: { status: VideoStatus }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status]}`} data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}
