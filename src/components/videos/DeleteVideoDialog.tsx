"use client";

import { useState } from "react";
import { ConfirmDeleteDialog } from "@/components/ui/ConfirmDeleteDialog";
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
 * Asks before a video is deleted, and whether HeyGen should delete its copy too (if it cannot, nothing is deleted).
 * Give it a `key` per video: each opens afresh (HeyGen unticked, no old error).
 */
export function DeleteVideoDialog({ video, onClose, onDeleted }: Props) {
  const [atHeygen, setAtHeygen] = useState(false);
  return (
    <ConfirmDeleteDialog
      open={video !== null}
      heading={<>Delete “{video?.title}”?</>}
      action={() =>
        fetchJson<VideoDeletion>(`/api/admin/videos/${video!.id}${atHeygen ? "?heygen=true" : ""}`, {
          method: "DELETE",
        })
      }
      onDone={(deletion) => onDeleted(video!, deletion)}
      onClose={onClose}
    >
      <p className="mt-2 text-sm text-slate-700">
        It disappears from this app: the lists, the gallery, its page and every embed. This cannot be undone.
      </p>
      <label className="mt-4 flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={atHeygen}
          onChange={(event) => setAtHeygen(event.target.checked)}
          className={`mt-0.5 size-4 ${focusRing}`}
        />
        <span>
          Also delete it at HeyGen
          <span className="block text-slate-600">HeyGen deletes its copy first; if it cannot, nothing is deleted.</span>
        </span>
      </label>
    </ConfirmDeleteDialog>
  );
}
