"use client";

import { useEffect, useId, useRef, useState } from "react";
import { smallButton } from "@/components/ui/buttons";
import { focusRing } from "@/components/ui/focus-ring";
import { fetchJson } from "@/lib/fetch-json";
import type { AdminVideo, VideoDeletion } from "@/lib/video";

type Props = {
  /** The video to delete; null: the dialog is closed. */
  video: AdminVideo | null;
  onClose: () => void;
  onDeleted: (video: AdminVideo, deletion: VideoDeletion) => void;
};

/**
 * Asks before a video is deleted, and whether HeyGen should delete its copy too. A native modal <dialog>: focus
 * stays inside, Escape cancels, and focus goes back where it was. A failure is said inside, and nothing is deleted.
 * Give it a `key` per video: each opens afresh (HeyGen unticked, no old error).
 */
export function DeleteVideoDialog({ video, onClose, onDeleted }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [atHeygen, setAtHeygen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState("");
  const titleId = useId();

  useEffect(() => {
    if (!video) return;
    const element = dialog.current;
    element?.showModal();
    cancel.current?.focus(); // the harmless choice first
    return () => element?.close();
  }, [video]);

  async function confirm() {
    if (!video) return;
    setDeleting(true);
    setError("");
    try {
      const deletion = await fetchJson<VideoDeletion>(`/api/admin/videos/${video.id}${atHeygen ? "?heygen=true" : ""}`, { method: "DELETE" });
      dialog.current?.close(); // first: while it is open, nothing outside it can take focus
      onDeleted(video, deletion);
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
        Delete “{video?.title}”?
      </h2>
      <p className="mt-2 text-sm text-slate-700">
        It disappears from this app: the lists, the gallery, its page and every embed. This cannot be undone.
      </p>
      <label className="mt-4 flex items-start gap-2 text-sm">
        <input type="checkbox" checked={atHeygen} onChange={(event) => setAtHeygen(event.target.checked)} className={`mt-0.5 size-4 ${focusRing}`} />
        <span>
          Also delete it at HeyGen
          <span className="block text-slate-600">HeyGen deletes its copy first; if it cannot, nothing is deleted.</span>
        </span>
      </label>
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
