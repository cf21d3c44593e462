"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { fetchJson } from "@/lib/fetch-json";
import { ScriptFields, scriptBody, type PlanTargets } from "./ScriptFields";

/** Adds one script to the plan; the month view is read again once it is saved. */
export function AddScriptForm({ month, targets }: { month: string; targets: PlanTargets }) {
  const router = useRouter();
  const { pending, outcome, run } = useActionOutcome();
  const [formKey, setFormKey] = useState(0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = scriptBody(event.currentTarget);
    void run(async () => {
      await fetchJson("/api/admin/plan/scripts", { method: "POST", body: JSON.stringify(body) });
      setFormKey((key) => key + 1);
      router.refresh();
      return `Added “${body.title.trim()}” on ${body.date}.`;
    });
  }

  return (
    <section aria-labelledby="add-script" className="space-y-3">
      <h2 id="add-script" className="text-lg font-semibold">
        Add a script
      </h2>
      <form key={formKey} onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
        <ScriptFields
          targets={targets}
          initial={{ date: `${month}-01`, title: "", script: "", target: "" }}
          outcome={outcome}
        />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel="Adding…">
            Add script
          </SubmitButton>
          <ActionOutcome outcome={outcome} />
        </div>
      </form>
    </section>
  );
}
