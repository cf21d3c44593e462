"use client";

import { useId, useRef, useState } from "react";
import { smallButton } from "@/components/ui/buttons";
import { focusRing } from "@/components/ui/focus-ring";
import { useModalDialog } from "@/components/ui/use-modal-dialog";

export type ConfirmLabels = { confirm: string; pending: string; dismiss: string };

export type ConfirmDialogProps<T> = {
  /** Whether it is shown (give it a `key` per item, or mount it while open, so that each opens afresh). */
  open: boolean;
  heading: React.ReactNode;
  /** What confirming does (and costs), and any choice about it. */
  children: React.ReactNode;
  /** The action; a failure is said inside the dialog, which stays open to try again or cancel. */
  action: () => Promise<T>;
  onDone: (result: T) => void;
  onClose: () => void;
  labels: ConfirmLabels;
  /** "danger" for what destroys something (red), "spend" for what costs money. */
  tone: "danger" | "spend";
};

const CONFIRM_BUTTON = {
  danger: "bg-red-700 hover:bg-red-800",
  spend: "bg-indigo-600 hover:bg-indigo-700",
};

/**
 * Asks before an action that cannot be taken back. A native modal <dialog>: focus stays inside, starts on the
 * harmless choice, Escape cancels, and focus goes back where it was.
 */
export function ConfirmDialog<T>({
  open,
  heading,
  children,
  action,
  onDone,
  onClose,
  labels,
  tone,
}: ConfirmDialogProps<T>) {
  const dismiss = useRef<HTMLButtonElement>(null);
  const dialog = useModalDialog({ open, onClose, onShow: () => dismiss.current?.focus() });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  const titleId = useId();

  async function confirm() {
    setPending(true);
    setError("");
    try {
      const result = await action();
      dialog.current?.close(); // first: while it is open, nothing outside it can take focus
      onDone(result);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(false);
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
        <button ref={dismiss} type="button" onClick={() => dialog.current?.close()} className={smallButton}>
          {labels.dismiss}
        </button>
        <button
          type="button"
          onClick={confirm}
          disabled={pending}
          className={`inline-flex items-center rounded-md px-3 py-1 text-sm font-medium text-white disabled:opacity-60 ${CONFIRM_BUTTON[tone]} ${focusRing}`}
        >
          {pending ? labels.pending : labels.confirm}
        </button>
      </div>
    </dialog>
  );
}
