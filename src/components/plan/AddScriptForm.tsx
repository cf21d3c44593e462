"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ActionOutcome } from "@/components/ActionOutcome";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { inputClass } from "@/components/ui/styles";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { fetchJson } from "@/lib/fetch-json";
import { SCRIPT_MAX_LENGTH, TITLE_MAX_LENGTH } from "@/lib/limits";

type Targets = { presenters: Array<{ id: string; name: string }>; tags: string[] };

/** Adds one script to the plan; the month view is read again once it is saved. */
export function AddScriptForm({ month, targets }: { month: string; targets: Targets }) {
  const router = useRouter();
  const { pending, outcome, run } = useActionOutcome();
  const [formKey, setFormKey] = useState(0);
  const fieldError = (name: string) =>
    outcome?.kind === "error" && outcome.field === name ? (
      <p id={`plan-${name}-error`} className="mt-1 text-sm text-red-700">
        {outcome.message}
      </p>
    ) : null;
  const describedBy = (name: string) => (outcome?.kind === "error" && outcome.field === name ? `plan-${name}-error` : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [kind, value] = String(form.get("target")).split(/:(.*)/s);
    const body = { date: form.get("date"), title: form.get("title"), script: form.get("script"), ...(kind === "tag" ? { tag: value } : { presenterId: value || null }) };
    void run(async () => {
      await fetchJson("/api/admin/plan/scripts", { method: "POST", body: JSON.stringify(body) });
      setFormKey((key) => key + 1);
      router.refresh();
      return `Added “${String(body.title).trim()}” on ${String(body.date)}.`;
    });
  }

  return (
    <section aria-labelledby="add-script" className="space-y-3">
      <h2 id="add-script" className="text-lg font-semibold">Add a script</h2>
      <form key={formKey} onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
        <label className="block">
          Day
          <input name="date" type="date" required defaultValue={`${month}-01`} className={inputClass} aria-describedby={describedBy("date")} />
          {fieldError("date")}
        </label>
        <label className="block">
          For
          <select name="target" required defaultValue="" className={inputClass} aria-describedby={describedBy("presenterId")}>
            <option value="" disabled>Choose a presenter or a tag</option>
            <optgroup label="Presenters">
              {targets.presenters.map((presenter) => <option key={presenter.id} value={`presenter:${presenter.id}`}>{presenter.name}</option>)}
            </optgroup>
            <optgroup label="Tags (every active presenter carrying it)">
              {targets.tags.map((tag) => <option key={tag} value={`tag:${tag}`}>#{tag}</option>)}
            </optgroup>
          </select>
          {fieldError("presenterId") ?? fieldError("tag")}
        </label>
        <label className="block sm:col-span-2">
          Title
          <input name="title" required maxLength={TITLE_MAX_LENGTH} className={inputClass} aria-describedby={describedBy("title")} />
          {fieldError("title")}
        </label>
        <label className="block sm:col-span-2">
          Script
          <textarea name="script" required rows={4} maxLength={SCRIPT_MAX_LENGTH} className={inputClass} aria-describedby={describedBy("script")} />
          {fieldError("script")}
        </label>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <SubmitButton pending={pending} pendingLabel="Adding…">Add script</SubmitButton>
          <ActionOutcome outcome={outcome} />
        </div>
      </form>
    </section>
  );
}
