"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { smallButton } from "@/components/ui/buttons";
import { inputClass } from "@/components/ui/styles";
import { useFieldError } from "@/hooks/use-field-error";
import { ApiRequestError, fetchJson } from "@/lib/fetch-json";
import { PRESENTER_NAME_MAX_LENGTH } from "@/lib/limits";
import { splitTags, type Presenter } from "@/lib/presenter";
import { presenterSettings } from "@/lib/presenter-draft";
import { createPresenterInput } from "@/lib/presenter-input";
import type { StudioDraft } from "@/lib/studio-draft";
import { describeFirstIssue } from "@/lib/validation";

/**
 * The studio's "Save as presenter": the look, voice, format and options now in the form, under a name and tags.
 * They are sent exactly as a Generate would send them (presenterSettings), less the title and script.
 */
export function SavePresenterPanel({ draft }: { draft: StudioDraft }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [tags, setTags] = useState("");
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Presenter | null>(null);
  // A taken name (409) or a refused tag shows under its field; a refusal of the settings above, below the panel.
  const { formRef, error, fail, clear, errorFor } = useFieldError();
  const panelId = useId();
  const nameError = open && errorFor("name");
  const tagsError = open && errorFor("tags");

  // A refusal belongs to the form it answered: closing the panel drops it, so it never shows without its field.
  function toggle() {
    setOpen(!open);
    clear();
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const parsed = createPresenterInput.safeParse({ name, tags: splitTags(tags), ...presenterSettings(draft) });
    if (!parsed.success) return fail(describeFirstIssue(parsed.error));
    setSaving(true);
    try {
      const presenter = await fetchJson<Presenter>("/api/admin/presenters", {
        method: "POST",
        body: JSON.stringify(parsed.data),
      });
      setSaved(presenter);
      setOpen(false);
      setName("");
      setTags("");
    } catch (caught) {
      fail({ message: (caught as Error).message, field: caught instanceof ApiRequestError ? caught.field : undefined });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="space-y-3" aria-label="Save as presenter">
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={toggle} className={smallButton}>
        Save as presenter
      </button>
      {open && (
        <form
          id={panelId}
          ref={formRef}
          onSubmit={save}
          noValidate
          className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2"
        >
          <p className="text-sm text-slate-700 sm:col-span-2">
            Saves the look, voice, format and options chosen above, to generate with again.
          </p>
          {/* Labels hold only their words: hints and errors describe the field instead of renaming it. */}
          <div>
            <label htmlFor={`${panelId}-name`} className="text-sm font-medium">
              Presenter name
            </label>
            <input
              id={`${panelId}-name`}
              name="name"
              value={name}
              maxLength={PRESENTER_NAME_MAX_LENGTH}
              onChange={(e) => setName(e.target.value)}
              className={inputClass}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${panelId}-name-error` : undefined}
            />
            {nameError && <div id={`${panelId}-name-error`}>{nameError}</div>}
          </div>
          <div>
            <label htmlFor={`${panelId}-tags`} className="text-sm font-medium">
              Tags
            </label>
            <input
              id={`${panelId}-tags`}
              name="tags"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              className={inputClass}
              aria-invalid={tagsError ? true : undefined}
              aria-describedby={tagsError ? `${panelId}-tags-hint ${panelId}-tags-error` : `${panelId}-tags-hint`}
            />
            <span id={`${panelId}-tags-hint`} className="mt-1 block text-xs text-slate-600">
              Optional, separated by commas, such as morning, news
            </span>
            {tagsError && <div id={`${panelId}-tags-error`}>{tagsError}</div>}
          </div>
          <div className="sm:col-span-2">
            <button type="submit" disabled={saving} className={smallButton}>
              {saving ? "Saving…" : "Save presenter"}
            </button>
          </div>
        </form>
      )}
      {saved && (
        <p role="status" className="text-sm text-emerald-800">
          Saved “{saved.name}” as a presenter.{" "}
          <Link href="/admin/presenters" className="font-medium underline">
            See the presenters
          </Link>
        </p>
      )}
      {error && !nameError && !tagsError && (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      )}
    </section>
  );
}
