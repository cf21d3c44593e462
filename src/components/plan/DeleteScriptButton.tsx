"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { smallDangerButton } from "@/components/ui/buttons";
import { ConfirmDeleteDialog } from "@/components/ui/ConfirmDeleteDialog";
import { fetchJson } from "@/lib/fetch-json";
import type { PlanScriptView } from "@/lib/plan-import";

/** Deletes one plan script once confirmed; the month view is read again after. */
export function DeleteScriptButton({ script }: { script: PlanScriptView }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={smallDangerButton}
        aria-label={`Delete “${script.title}”`}
      >
        Delete
      </button>
      {/* Mounted while open only: a month of rows does not carry a closed dialog (and its title) each. */}
      {open && (
        <ConfirmDeleteDialog
          open={open}
          heading={<>Delete the script “{script.title}”?</>}
          action={() => fetchJson(`/api/admin/plan/scripts/${script.id}`, { method: "DELETE" })}
          onDone={() => router.refresh()}
          onClose={() => setOpen(false)}
        >
          <p className="mt-2 text-sm text-slate-700">
            Videos already made from it stay; those still queued for it are dropped. This cannot be undone.
          </p>
        </ConfirmDeleteDialog>
      )}
    </>
  );
}
