"use client";

import Link from "next/link";
import { useState } from "react";
import { PresenterFacts } from "@/components/presenters/PresenterFacts";
import { smallButton, smallDangerButton } from "@/components/ui/buttons";
import { focusRing } from "@/components/ui/focus-ring";
import { inputClass } from "@/components/ui/styles";
import { fetchJson } from "@/lib/fetch-json";
import { PRESENTER_NAME_MAX_LENGTH } from "@/lib/limits";
import { splitTags, type Presenter, type PresenterEntry } from "@/lib/presenter";

type Props = {
  presenter: PresenterEntry;
  onChange: (presenter: PresenterEntry) => void;
  onDelete: (presenter: PresenterEntry) => void;
};

/** One presenter: its look and settings (changed on their own page); its name and tags edited in place, active toggled, deleted on request. */
export function PresenterCard({ presenter, onChange, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(presenter.name);
  const [tags, setTags] = useState(presenter.tags.join(", "));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState("");

  async function save(change: Partial<Presenter>) {
    setSaving(true);
    setError("");
    try {
      const saved = await fetchJson<Presenter>(`/api/admin/presenters/${presenter.id}`, {
        method: "PATCH",
        body: JSON.stringify(change),
      });
      onChange({ ...presenter, ...saved });
      return true;
    } catch (caught) {
      setError((caught as Error).message);
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
    setError("");
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
          <button type="button" onClick={() => onDelete(presenter)} className={smallDangerButton}>
            Delete
          </button>
        </div>
      </div>
      {editing && (
        <form onSubmit={rename} className="mt-4 grid gap-3 sm:grid-cols-2" aria-label={`Edit ${presenter.name}`}>
          <label className="block">
            <span className="text-sm font-medium">Name</span>
            <input
              name="name"
              value={name}
              maxLength={PRESENTER_NAME_MAX_LENGTH}
              onChange={(e) => setName(e.target.value)}
              className={inputClass}
            />
          </label>
          <label className="block">
            <span className="text-sm font-medium">Tags</span>
            <input
              name="tags"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              className={inputClass}
              aria-describedby={`${presenter.id}-tags-hint`}
            />
            <span id={`${presenter.id}-tags-hint`} className="mt-1 block text-xs text-slate-600">
              Separated by commas, such as morning, news
            </span>
          </label>
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
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
