"use client";

import { useId, useState, type FormEvent } from "react";
import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { smallButton } from "@/components/ui/buttons";
import { inputClass } from "@/components/ui/styles";
import { focusRing } from "@/components/ui/focus-ring";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { fetchJson } from "@/lib/fetch-json";
import { REJECTION_REASON_MAX_LENGTH } from "@/lib/limits";
import { rejectInput, type ReviewDraft } from "@/lib/review";
import { fieldProblem } from "@/lib/validation";

type Props = {
  draft: ReviewDraft;
  /** Rejected: the draft leaves the queue. */
  onDone: () => void;
  onClose: () => void;
};

/**
 * Asks why a draft is rejected, then rejects it (it becomes private, and its plan pair is missing again). A native
 * modal <dialog>, mounted while open: focus starts in the reason, Escape cancels, a refusal keeps what was typed.
 */
export function RejectDialog({ draft, onDone, onClose }: Props) {
  const dialog = useModalDialog({ onClose });
  const { pending, outcome, run } = useActionOutcome();
  const [typed, setTyped] = useState<string | null>(null);
  const ids = { title: useId(), reason: useId(), error: useId() };
  const error = outcome?.kind === "error" && outcome.field === "reason" ? outcome.message : typed;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    const problem = fieldProblem(rejectInput.shape.reason, "reason", reason);
    setTyped(problem);
    if (problem) return;
    void run(async () => {
      await fetchJson(`/api/admin/videos/${draft.id}/reject`, { method: "POST", body: JSON.stringify({ reason }) });
      dialog.current?.close(); // first: while it is open, nothing outside it can take focus
      onDone();
      return "";
    });
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={ids.title}
      className="m-auto w-[min(32rem,calc(100%-2rem))] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id={ids.title} className="text-lg font-semibold break-words">
        Reject “{draft.title}”?
      </h2>
      <p className="mt-2 text-sm text-slate-700">
        It stays private, and its plan script counts as missing again: edit the script if needed, then “Generate what is
        missing” makes it anew.
      </p>
      <form onSubmit={submit} noValidate className="mt-3 space-y-3">
        <label htmlFor={ids.reason} className="block text-sm font-medium">
          Reason
        </label>
        <textarea
          id={ids.reason}
          name="reason"
          rows={3}
          autoFocus
          maxLength={REJECTION_REASON_MAX_LENGTH * 2}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ids.error : undefined}
          className={inputClass}
        />
        {error && (
          <p id={ids.error} role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex flex-wrap items-center justify-end gap-3">
          <ActionOutcome outcome={outcome?.kind === "error" ? outcome : null} />
          <button type="button" onClick={() => dialog.current?.close()} className={smallButton}>
            Cancel
          </button>
          <button
            type="submit"
            disabled={pending}
            className={`rounded-md bg-red-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60 ${focusRing}`}
          >
            {pending ? "Rejecting…" : "Reject"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
