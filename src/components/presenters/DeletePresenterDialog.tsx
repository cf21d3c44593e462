"use client";

import { useEffect, useId, useRef, useState } from "react";
import { smallButton } from "@/components/ui/buttons";
import { focusRing } from "@/components/ui/focus-ring";
import { fetchJson } from "@/lib/fetch-json";
import type { PresenterEntry } from "@/lib/presenter";

type Props = {
  /** The presenter to delete; null: the dialog is closed. */
  presenter: PresenterEntry | null;
  onClose: () => void;
  onDeleted: (presenter: PresenterEntry) => void;
};

/**
 * Asks before a presenter is deleted. A native modal <dialog> (focus kept inside, Escape cancels, focus returns);
 * a refusal (scripts of the content plan are for it) is said inside, and nothing is deleted.
 * Give it a `key` per presenter so each opens afresh.
 */
export function DeletePresenterDialog({ presenter, onClose, onDeleted }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState("");
  const titleId = useId();

  useEffect(() => {
    if (!presenter) return;
    const element = dialog.current;
    element?.showModal();
    cancel.current?.focus(); // the harmless choice first
    return () => element?.close();
  }, [presenter]);

  async function confirm() {
    if (!presenter) return;
    setDeleting(true);
    setError("");
    try {
      await fetchJson(`/api/admin/presenters/${presenter.id}`, { method: "DELETE" });
      dialog.current?.close(); // first: while it is open, nothing outside it can take focus
      onDeleted(presenter);
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
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id={titleId} className="text-lg font-semibold break-words">
        Delete the presenter “{presenter?.name}”?
      </h2>
      <p className="mt-2 text-sm text-slate-700">Its videos stay. This cannot be undone; to stop using it for a while, deactivate it instead.</p>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <button ref={cancel} type="button" onClick={() => dialog.current?.close()} className={smallButton}>
          Cancel
        </button>
        <button
          type="button"
          onClick={confirm}
          disabled={deleting}
          className={`inline-flex items-center rounded-md bg-red-700 px-3 py-1 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60 ${focusRing}`}
        >
          {deleting ? "Deleting…" : "Delete"}
        </button>
      </div>
    </dialog>
  );
}
