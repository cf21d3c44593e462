"use client";

import { ConfirmDeleteDialog } from "@/components/ui/ConfirmDeleteDialog";
import { fetchJson } from "@/lib/fetch-json";
import type { PresenterEntry } from "@/lib/presenter";

type Props = {
  /** The presenter to delete; null: the dialog is closed. */
  presenter: PresenterEntry | null;
  onClose: () => void;
  onDeleted: (presenter: PresenterEntry) => void;
};

/**
 * Asks before a presenter is deleted; a refusal (scripts of the content plan are for it) is said inside, and
 * nothing is deleted. Give it a `key` per presenter so each opens afresh.
 */
export function DeletePresenterDialog({ presenter, onClose, onDeleted }: Props) {
  return (
    <ConfirmDeleteDialog
      open={presenter !== null}
      heading={<>Delete the presenter “{presenter?.name}”?</>}
      action={() => fetchJson(`/api/admin/presenters/${presenter!.id}`, { method: "DELETE" })}
      onDone={() => onDeleted(presenter!)}
      onClose={onClose}
    >
      <p className="mt-2 text-sm text-slate-700">
        Its videos stay. This cannot be undone; to stop using it for a while, deactivate it instead.
      </p>
    </ConfirmDeleteDialog>
  );
}
