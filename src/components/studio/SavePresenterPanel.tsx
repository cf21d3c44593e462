"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { smallButton } from "@/components/ui/buttons";
import { inputClass } from "@/components/ui/styles";
import { fetchJson } from "@/lib/fetch-json";
import { PRESENTER_NAME_MAX_LENGTH } from "@/lib/limits";
import { splitTags, type Presenter } from "@/lib/presenter";
import { presenterSettings } from "@/lib/presenter-draft";
import { createPresenterInput } from "@/lib/presenter-input";
import type { StudioDraft } from "@/lib/studio-draft";
import { describeFirstIssue } from "@/lib/validation";

type Outcome = { kind: "saved"; presenter: Presenter } | { kind: "error"; message: string };

/**
 * The studio's "Save as presenter": the look, voice, format and options now in the form, under a name and tags.
 * They are sent exactly as a Generate would send them (presenterSettings), less the title and script.
 */
export function SavePresenterPanel({ draft }: { draft: StudioDraft }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [tags, setTags] = useState("");
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const panelId = useId();

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const parsed = createPresenterInput.safeParse({ name, tags: splitTags(tags), ...presenterSettings(draft) });
    if (!parsed.success) return setOutcome({ kind: "error", message: describeFirstIssue(parsed.error).message });
    setSaving(true);
    setOutcome(null);
    try {
      const presenter = await fetchJson<Presenter>("/api/admin/presenters", {
        method: "POST",
        body: JSON.stringify(parsed.data),
      });
      setOutcome({ kind: "saved", presenter });
      setOpen(false);
      setName("");
      setTags("");
    } catch (caught) {
      setOutcome({ kind: "error", message: (caught as Error).message });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="space-y-3" aria-label="Save as presenter">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className={smallButton}
      >
        Save as presenter
      </button>
      {open && (
        <form
          id={panelId}
          onSubmit={save}
          noValidate
          className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2"
        >
          <p className="text-sm text-slate-700 sm:col-span-2">
            Saves the look, voice, format and options chosen above, to generate with again.
          </p>
          <label className="block">
            <span className="text-sm font-medium">Presenter name</span>
            <input
              name="presenterName"
              value={name}
              maxLength={PRESENTER_NAME_MAX_LENGTH}
              onChange={(e) => setName(e.target.value)}
              className={inputClass}
            />
          </label>
          <label className="block">
            <span className="text-sm font-medium">Tags</span>
            <input
              name="presenterTags"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              className={inputClass}
              aria-describedby={`${panelId}-hint`}
            />
            <span id={`${panelId}-hint`} className="mt-1 block text-xs text-slate-600">
              Optional, separated by commas, such as morning, news
            </span>
          </label>
          <div className="sm:col-span-2">
            <button type="submit" disabled={saving} className={smallButton}>
              {saving ? "Saving…" : "Save presenter"}
            </button>
          </div>
        </form>
      )}
      {outcome?.kind === "saved" && (
        <p role="status" className="text-sm text-emerald-800">
          Saved “{outcome.presenter.name}” as a presenter.{" "}
          <Link href="/admin/presenters" className="font-medium underline">
            See the presenters
          </Link>
        </p>
      )}
      {outcome?.kind === "error" && (
        <p role="alert" className="text-sm text-red-700">
          {outcome.message}
        </p>
      )}
    </section>
  );
}
