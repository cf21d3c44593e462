"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { PresenterFacts } from "@/components/presenters/PresenterFacts";
import { PresenterLanguagesForm } from "@/components/presenters/PresenterLanguagesForm";
import { smallButton, smallDangerButton } from "@/components/ui/buttons";
import { focusRing } from "@/components/ui/focus-ring";
import { inputClass } from "@/components/ui/styles";
import { useFieldError } from "@/hooks/use-field-error";
import { ApiRequestError, fetchJson } from "@/lib/fetch-json";
import { PRESENTER_NAME_MAX_LENGTH } from "@/lib/limits";
import { splitTags, type Presenter, type PresenterEntry } from "@/lib/presenter";

type Props = {
  presenter: PresenterEntry;
  onChange: (presenter: PresenterEntry) => void;
  onDelete: (presenter: PresenterEntry) => void;
};

/**
 * One presenter: its look and settings (changed on their own page); its name and tags, and its translation languages,
 * edited in place; active toggled, deleted on request.
 */
export function PresenterCard({ presenter, onChange, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const [editingLanguages, setEditingLanguages] = useState(false);
  const [name, setName] = useState(presenter.name);
  const [tags, setTags] = useState(presenter.tags.join(", "));
  const [saving, setSaving] = useState(false);
  // A refused name or tags shows under its field (a name already taken: 409), anything else below the card.
  const { formRef, error, fail, clear, errorFor } = useFieldError();
  const id = useId();
  const nameError = editing && errorFor("name");
  const tagsError = editing && errorFor("tags");

  async function save(change: Partial<Presenter>) {
    setSaving(true);
    clear();
    try {
      const saved = await fetchJson<Presenter>(`/api/admin/presenters/${presenter.id}`, {
        method: "PATCH",
        body: JSON.stringify(change),
      });
      onChange({ ...presenter, ...saved });
      return true;
    } catch (caught) {
      fail({ message: (caught as Error).message, field: caught instanceof ApiRequestError ? caught.field : undefined });
      return false;
    } finally {
      setSaving(false);
    }
  }

  async function rename(event: React.FormEvent) {
    event.preventDefault();
    if (await save({ name, tags: splitTags(tags) })) setEditing(false);
  }

  function startEditing() {
    setName(presenter.name);
    setTags(presenter.tags.join(", "));
    clear();
    setEditing(true);
  }

  return (
    <li
      data-presenter-id={presenter.id}
      className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${presenter.active ? "" : "opacity-75"}`}
    >
      <div className="flex flex-col gap-4 sm:flex-row">
        <PresenterFacts presenter={presenter} />
        <div className="flex flex-wrap items-start gap-2 sm:ml-auto sm:flex-col sm:items-end">
          <label className="inline-flex items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              checked={presenter.active}
              disabled={saving}
              onChange={(event) => void save({ active: event.target.checked })}
              className={`size-4 ${focusRing}`}
            />
            Active
          </label>
          <Link href={`/admin/presenters/${presenter.id}`} className={smallButton}>
            Change look and voice
          </Link>
          {!editing && (
            <button type="button" onClick={startEditing} className={smallButton}>
              Edit name and tags
            </button>
          )}
          {!editingLanguages && (
            <button type="button" onClick={() => setEditingLanguages(true)} className={smallButton}>
              Edit languages
            </button>
          )}
          <button type="button" onClick={() => onDelete(presenter)} className={smallDangerButton}>
            Delete
          </button>
        </div>
      </div>
      {editing && (
        <form
          ref={formRef}
          onSubmit={rename}
          className="mt-4 grid gap-3 sm:grid-cols-2"
          aria-label={`Edit ${presenter.name}`}
        >
          {/* Labels hold only their words: hints and errors describe the field instead of renaming it. */}
          <div>
            <label htmlFor={`${id}-name`} className="text-sm font-medium">
              Name
            </label>
            <input
              id={`${id}-name`}
              name="name"
              value={name}
              maxLength={PRESENTER_NAME_MAX_LENGTH}
              onChange={(e) => setName(e.target.value)}
              className={inputClass}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${id}-name-error` : undefined}
            />
            {nameError && <div id={`${id}-name-error`}>{nameError}</div>}
          </div>
          <div>
            <label htmlFor={`${id}-tags`} className="text-sm font-medium">
              Tags
            </label>
            <input
              id={`${id}-tags`}
              name="tags"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              className={inputClass}
              aria-invalid={tagsError ? true : undefined}
              aria-describedby={tagsError ? `${id}-tags-hint ${id}-tags-error` : `${id}-tags-hint`}
            />
            <span id={`${id}-tags-hint`} className="mt-1 block text-xs text-slate-600">
              Separated by commas, such as morning, news
            </span>
            {tagsError && <div id={`${id}-tags-error`}>{tagsError}</div>}
          </div>
          <div className="flex gap-2 sm:col-span-2">
            <button type="submit" disabled={saving} className={smallButton}>
              {saving ? "Saving…" : "Save"}
            </button>
            <button type="button" onClick={() => setEditing(false)} className={smallButton}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {editingLanguages && (
        <PresenterLanguagesForm
          presenter={presenter}
          onSaved={(saved) => {
            onChange({ ...presenter, ...saved });
            setEditingLanguages(false);
          }}
          onCancel={() => setEditingLanguages(false)}
        />
      )}
      {error && !nameError && !tagsError && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error.message}
        </p>
      )}
    </li>
  );
}
