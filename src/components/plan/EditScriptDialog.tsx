"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { smallButton } from "@/components/ui/buttons";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { fetchJson } from "@/lib/fetch-json";
import type { PlanScriptView } from "@/lib/plan-import";
import { ScriptFields, scriptBody, type PlanTargets } from "./ScriptFields";

type Props = { script: PlanScriptView; targets: PlanTargets };

/** The Edit button of a script's row, and its dialog while open. */
export function EditScriptButton(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className={smallButton}
        aria-label={`Edit “${props.script.title}”`}
      >
        Edit
      </button>
      {open && <EditScriptDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * Edits one plan script in a native modal <dialog> (focus kept inside, Escape cancels, focus goes back to the Edit
 * button). Mounted while open, so each opening starts from the saved script; a refused edit keeps what was typed.
 */
function EditScriptDialog({ script, targets, onClose }: Props & { onClose: () => void }) {
  const router = useRouter();
  const dialog = useModalDialog({ onClose });
  const { pending, outcome, run } = useActionOutcome();
  const titleId = useId();
  const target = script.presenter ? `presenter:${script.presenter.id}` : `tag:${script.tag}`;
  // A tag no presenter carries any more is still this script's target: offer it, or the select would pick another.
  const options =
    script.tag && !targets.tags.includes(script.tag)
      ? { ...targets, tags: [...targets.tags, script.tag].sort() }
      : targets;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = scriptBody(event.currentTarget);
    void run(async () => {
      await fetchJson(`/api/admin/plan/scripts/${script.id}`, { method: "PUT", body: JSON.stringify(body) });
      dialog.current?.close();
      router.refresh();
      return "Saved.";
    });
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      className="m-auto max-h-[calc(100%-2rem)] w-[min(40rem,calc(100%-2rem))] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id={titleId} className="text-lg font-semibold break-words">
        Edit “{script.title}”
      </h2>
      <form onSubmit={submit} className="mt-3 grid gap-3 sm:grid-cols-2">
        <ScriptFields
          targets={options}
          initial={{ date: script.date, title: script.title, script: script.script, target }}
          outcome={outcome}
        />
        <div className="flex flex-wrap items-center justify-end gap-3 sm:col-span-2">
          <ActionOutcome outcome={outcome?.kind === "error" ? outcome : null} />
          <button type="button" onClick={() => dialog.current?.close()} className={smallButton}>
            Cancel
          </button>
          <SubmitButton pending={pending} pendingLabel="Saving…">
            Save
          </SubmitButton>
        </div>
      </form>
    </dialog>
  );
}
