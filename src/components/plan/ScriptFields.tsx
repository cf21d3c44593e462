"use client";

import { useId, useState } from "react";
import type { ActionOutcome } from "@/hooks/use-action-outcome";
import { inputClass } from "@/components/ui/styles";
import { formatPlanDay } from "@/lib/format";
import { SCRIPT_MAX_LENGTH, TITLE_MAX_LENGTH } from "@/lib/limits";

export type PlanTargets = { presenters: Array<{ id: string; name: string }>; tags: string[] };
/** What the fields start with; `target` is "presenter:<id>", "tag:<tag>" or "" (none chosen yet). */
export type ScriptDraft = { date: string; title: string; script: string; target: string };

/** The API's body for the fields of `form`: the target select becomes `presenterId` or `tag`. */
export function scriptBody(form: HTMLFormElement) {
  const data = new FormData(form);
  const [kind, value] = String(data.get("target")).split(/:(.*)/s);
  return {
    date: String(data.get("date")),
    title: String(data.get("title")),
    script: String(data.get("script")),
    ...(kind === "tag" ? { tag: value } : { presenterId: value || null }),
  };
}

const count = (n: number) => n.toLocaleString("en");

/**
 * A plan script's day, target, title and text, for adding one and for editing one. The server's error shows under
 * the field it names (the target's under the select, whichever of presenterId or tag it names).
 */
export function ScriptFields({
  targets,
  initial,
  outcome,
}: {
  targets: PlanTargets;
  initial: ScriptDraft;
  outcome: ActionOutcome | null;
}) {
  const id = useId();
  const [length, setLength] = useState(initial.script.length);
  const [day, setDay] = useState(initial.date);
  const errorField = outcome?.kind === "error" ? outcome.field : undefined;
  const errorId = (...names: string[]) =>
    errorField && names.includes(errorField) ? `${id}-${errorField}-error` : undefined;
  const fieldError = (...names: string[]) =>
    errorId(...names) && (
      <p id={errorId(...names)} className="mt-1 text-sm text-red-700">
        {outcome!.message}
      </p>
    );

  return (
    <>
      <div>
        {/* The browser writes the picker's day in its own locale (12/01/2026); every other day here reads "Tue 1 Dec". */}
        <div className="flex items-baseline justify-between gap-2">
          <label htmlFor={`${id}-date`}>Day</label>
          <span id={`${id}-date-readable`} className="text-sm text-slate-700" data-testid="readable-day">
            {/^\d{4}-\d{2}-\d{2}$/.test(day) ? formatPlanDay(day) : ""}
          </span>
        </div>
        <input
          id={`${id}-date`}
          name="date"
          type="date"
          required
          defaultValue={initial.date}
          onChange={(event) => setDay(event.target.value)}
          className={inputClass}
          aria-describedby={[`${id}-date-readable`, errorId("date")].filter(Boolean).join(" ")}
        />
        {fieldError("date")}
      </div>
      <label className="block">
        For
        <select
          name="target"
          required
          defaultValue={initial.target}
          className={inputClass}
          aria-describedby={errorId("presenterId", "tag")}
        >
          <option value="" disabled>
            Choose a presenter or a tag
          </option>
          <optgroup label="Presenters">
            {targets.presenters.map((presenter) => (
              <option key={presenter.id} value={`presenter:${presenter.id}`}>
                {presenter.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Tags (every active presenter carrying it)">
            {targets.tags.map((tag) => (
              <option key={tag} value={`tag:${tag}`}>
                #{tag}
              </option>
            ))}
          </optgroup>
        </select>
        {fieldError("presenterId", "tag")}
      </label>
      <label className="block sm:col-span-2">
        Title
        <input
          name="title"
          required
          maxLength={TITLE_MAX_LENGTH}
          defaultValue={initial.title}
          className={inputClass}
          aria-describedby={errorId("title")}
        />
        {fieldError("title")}
      </label>
      <div className="sm:col-span-2">
        <div className="flex items-baseline justify-between gap-2">
          <label htmlFor={`${id}-script`}>Script</label>
          <span id={`${id}-script-count`} className="text-sm text-slate-600">
            {count(length)} / {count(SCRIPT_MAX_LENGTH)}
            <span className="sr-only"> characters</span>
          </span>
        </div>
        <textarea
          id={`${id}-script`}
          name="script"
          required
          rows={4}
          maxLength={SCRIPT_MAX_LENGTH}
          defaultValue={initial.script}
          onChange={(event) => setLength(event.target.value.length)}
          className={inputClass}
          aria-describedby={[`${id}-script-count`, errorId("script")].filter(Boolean).join(" ")}
        />
        {fieldError("script")}
      </div>
    </>
  );
}
