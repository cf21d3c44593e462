"use client";

import { useState } from "react";
import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { smallButton, smallDangerButton } from "@/components/ui/buttons";
import { ConfirmDeleteDialog } from "@/components/ui/ConfirmDeleteDialog";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import type { BatchStatus } from "@/lib/batch";
import { fetchJson } from "@/lib/fetch-json";

type Props = { batchId: string; status: BatchStatus; total: number; onChanged: () => Promise<unknown> };

const CANCEL_LABELS = { confirm: "Cancel the batch", pending: "Cancelling…", dismiss: "Keep it" };

/**
 * Pause, resume and cancel (after confirmation); each reads the batch again. What it did shows once, in the batch's
 * own status and state line (BatchDetail), whoever did it; here only why it could not.
 */
export function BatchControls({ batchId, status, total, onChanged }: Props) {
  const { pending, outcome, run } = useActionOutcome();
  const [confirming, setConfirming] = useState(false);
  const control = (action: "pause" | "resume" | "cancel") =>
    fetchJson<{ status: string }>(`/api/admin/batches/${batchId}/${action}`, { method: "POST" });

  const act = (action: "pause" | "resume") =>
    run(async () => {
      try {
        await control(action);
        return "";
      } finally {
        await onChanged(); // the batch may have changed even when this refusal says otherwise (another admin)
      }
    });

  if (status === "done" || status === "cancelled") return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {status === "running" ? (
          <button type="button" disabled={pending} onClick={() => act("pause")} className={smallButton}>
            Pause
          </button>
        ) : (
          <button type="button" disabled={pending} onClick={() => act("resume")} className={smallButton}>
            Resume
          </button>
        )}
        <button type="button" disabled={pending} onClick={() => setConfirming(true)} className={smallDangerButton}>
          Cancel the batch
        </button>
      </div>
      <ActionOutcome outcome={outcome?.kind === "error" ? outcome : null} />
      <ConfirmDeleteDialog
        open={confirming}
        heading="Cancel this batch?"
        labels={CANCEL_LABELS}
        action={() => control("cancel")}
        onDone={() => void onChanged()}
        onClose={() => setConfirming(false)}
      >
        <p className="mt-2 text-sm text-slate-700">
          Items not sent to HeyGen yet are dropped (of {total} in all); videos already sent still finish. This cannot be
          undone.
        </p>
      </ConfirmDeleteDialog>
    </div>
  );
}
