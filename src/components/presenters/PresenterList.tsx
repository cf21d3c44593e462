"use client";

import { useState } from "react";
import { DeletePresenterDialog } from "@/components/presenters/DeletePresenterDialog";
import { PresenterCard } from "@/components/presenters/PresenterCard";
import type { PresenterEntry } from "@/lib/presenter";

/** The presenters as the server rendered them (active first, then by name), updated in place as the admin edits, toggles and deletes. */
export function PresenterList({ initial }: { initial: PresenterEntry[] }) {
  const [presenters, setPresenters] = useState(initial);
  const [deleting, setDeleting] = useState<PresenterEntry | null>(null);
  const [deleted, setDeleted] = useState("");

  // Kept in place (not re-sorted): a card jumping away under the admin's focus would lose it.
  const replace = (changed: PresenterEntry) =>
    setPresenters((current) => current.map((presenter) => (presenter.id === changed.id ? changed : presenter)));
  const remove = (gone: PresenterEntry) => {
    setPresenters((current) => current.filter((presenter) => presenter.id !== gone.id));
    setDeleted(`“${gone.name}” was deleted.`);
  };

  return (
    <>
      <p role="status" className="text-sm text-emerald-800">
        {deleted}
      </p>
      {presenters.length === 0 ? (
        <p className="text-slate-700">No presenters yet. In the Studio, set up a look and click “Save as presenter”.</p>
      ) : (
        <ul className="space-y-3">
          {presenters.map((presenter) => (
            <PresenterCard key={presenter.id} presenter={presenter} onChange={replace} onDelete={setDeleting} />
          ))}
        </ul>
      )}
      <DeletePresenterDialog
        key={deleting?.id}
        presenter={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={remove}
      />
    </>
  );
}
