"use client";

import { useId, useRef, useState } from "react";
import { smallButton } from "@/components/ui/buttons";
import { focusRing } from "@/components/ui/focus-ring";
import { useModalDialog } from "@/components/ui/use-modal-dialog";

type Props<T> = {
  /** Whether it is shown (give it a `key` per item, so that each opens afresh). */
  open: boolean;
  heading: React.ReactNode;
  /** What deleting means, and any choice about it. */
  children: React.ReactNode;
  /** The deletion; a failure is said inside the dialog, and nothing else happens. */
  action: () => Promise<T>;
  onDone: (result: T) => void;
  onClose: () => void;
  /** Other words for a destructive action that is not a deletion ("Cancel the batch"); Delete and Cancel by default. */
  labels?: { confirm: string; pending: string; dismiss: string };
};

const DELETE_LABELS = { confirm: "Delete", pending: "Deleting…", dismiss: "Cancel" };

/**
 * Asks before something is deleted. A native modal <dialog>: focus stays inside, starts on Cancel (the harmless
 * choice), Escape cancels, and focus goes back where it was.
 */
export function ConfirmDeleteDialog<T>({
  open,
  heading,
  children,
  action,
  onDone,
  onClose,
  labels = DELETE_LABELS,
}: Props<T>) {
  const cancel = useRef<HTMLButtonElement>(null);
  const dialog = useModalDialog({ open, onClose, onShow: () => cancel.current?.focus() });
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState("");
  const titleId = useId();

  async function confirm() {
    setDeleting(true);
    setError("");
    try {
      const result = await action();
      dialog.current?.close(); // first: while it is open, nothing outside it can take focus
      onDone(result);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setDeleting(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id={titleId} className="text-lg font-semibold break-words">
        {heading}
      </h2>
      {children}
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <button ref={cancel} type="button" onClick={() => dialog.current?.close()} className={smallButton}>
          {labels.dismiss}
        </button>
        <button
          type="button"
          onClick={confirm}
          disabled={deleting}
          className={`inline-flex items-center rounded-md bg-red-700 px-3 py-1 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60 ${focusRing}`}
        >
          {deleting ? labels.pending : labels.confirm}
        </button>
      </div>
    </dialog>
  );
}
