import type { ActionOutcome as Outcome } from "@/hooks/use-action-outcome";

/** The result of the last action, announced: a success as a status, a failure as an alert. Field errors show by their field. */
export function ActionOutcome({ outcome }: { outcome: Outcome | null }) {
  if (!outcome || (outcome.kind === "error" && outcome.field)) return null;
  return outcome.kind === "done" ? (
    <p role="status" className="text-sm text-emerald-800">
      {outcome.message}
    </p>
  ) : (
    <p role="alert" className="text-sm text-red-700">
      {outcome.message}
    </p>
  );
}
