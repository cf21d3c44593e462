"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { smallButton } from "@/components/ui/buttons";
import { focusRing } from "@/components/ui/focus-ring";
import { inputClass } from "@/components/ui/styles";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { fetchJson } from "@/lib/fetch-json";
import { PLAN_COLUMNS, type PlanFormat, type PlanPreview } from "@/lib/plan-import";
import { PreviewTable } from "./PreviewTable";

const FORMATS: Array<{ value: PlanFormat; label: string; hint: string }> = [
  { value: "csv", label: "CSV", hint: `First line: ${PLAN_COLUMNS.join(",")}` },
  {
    value: "lines",
    label: "One per line",
    hint: "No header; date, title, script and presenter or #tag, separated by tabs or commas",
  },
];

/**
 * Paste or pick a plan (a template to start from), preview every row, its errors, the videos it becomes and their
 * cost, then save the valid ones in one go. What came of it shows beside the buttons and takes the focus.
 */
export function ImportPanel({ month }: { month: string }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [format, setFormat] = useState<PlanFormat>("csv");
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const { pending, outcome, run } = useActionOutcome();
  // The preview's table can be long and the Save button goes away once it saved: the message takes the focus (and is
  // read out) so that the eye and the screen reader land on it.
  const outcomeRef = useRef<HTMLDivElement>(null);
  const focusOutcome = useRef(false);
  useEffect(() => {
    if (!outcome || !focusOutcome.current) return;
    focusOutcome.current = false;
    outcomeRef.current?.focus();
  }, [outcome]);

  // Whatever changes the input makes the preview stale: saving must save what was previewed.
  const edit = (next: { text?: string; format?: PlanFormat }) => {
    if (next.text !== undefined) setText(next.text);
    if (next.format) setFormat(next.format);
    setPreview(null);
  };

  async function pickFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) edit({ text: await file.text(), format: "csv" });
  }

  const showPreview = () =>
    run(async () => {
      const answer = await fetchJson<PlanPreview>("/api/admin/plan/preview", {
        method: "POST",
        body: JSON.stringify({ text, format }),
      });
      setPreview(answer);
      return answer.counts.invalid
        ? "Fix the rows with errors, or save only the valid ones."
        : "Every row is valid: check the videos and the cost below, then save.";
    });

  const save = (skipInvalid: boolean) => {
    focusOutcome.current = true;
    return run(async () => {
      const { saved } = await fetchJson<{ saved: number }>("/api/admin/plan/import", {
        method: "POST",
        body: JSON.stringify({ text, format, skipInvalid }),
      });
      edit({ text: "" });
      router.refresh();
      return `Saved ${saved} ${saved === 1 ? "script" : "scripts"}. They are in the plan above, and "Generate what is missing" counts their videos.`;
    });
  };

  const valid = preview?.counts.valid ?? 0;
  // The preview's own message is a problem to fix while rows have errors: never in a success's green.
  const problem = outcome?.kind === "done" && preview !== null && preview.counts.invalid > 0;
  return (
    <section aria-labelledby="import-plan" className="space-y-3">
      <h2 id="import-plan" className="text-lg font-semibold">
        Import a plan
      </h2>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="sr-only">Format</legend>
        {FORMATS.map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input
              type="radio"
              name="plan-format"
              value={option.value}
              checked={format === option.value}
              onChange={() => edit({ format: option.value })}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <p id="plan-format-hint" className="text-sm text-slate-700">
        {FORMATS.find((option) => option.value === format)!.hint}. A presenter by name, or a tag written #morning; days
        as YYYY-MM-DD.
      </p>
      <p className="text-sm">
        <a
          href={`/api/admin/plan/template?month=${month}`}
          download
          className={`rounded font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900 ${focusRing}`}
        >
          Download a CSV template
        </a>{" "}
        <span className="text-slate-700">(the columns, and an example row for a presenter and for a tag)</span>
      </p>
      <label className="block">
        CSV file
        <input type="file" accept=".csv,text/csv,text/plain" onChange={pickFile} className="mt-1 block text-sm" />
      </label>
      {/* Not wrapped in its label: a wrapped textarea's accessible name would include everything typed in it. */}
      <div>
        <label htmlFor="plan-text">Scripts</label>
        <textarea
          id="plan-text"
          value={text}
          onChange={(event) => edit({ text: event.target.value })}
          rows={8}
          aria-describedby="plan-format-hint"
          className={`${inputClass} font-mono text-sm`}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={showPreview} disabled={pending || !text.trim()} className={smallButton}>
          Preview
        </button>
        {preview && valid > 0 && (
          <button
            type="button"
            onClick={() => save(preview.counts.invalid > 0)}
            disabled={pending}
            className={`rounded-md bg-indigo-600 px-5 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60 ${focusRing}`}
          >
            {preview.counts.invalid
              ? `Save the ${valid} valid, skip ${preview.counts.invalid}`
              : `Save ${valid} ${valid === 1 ? "script" : "scripts"}`}
          </button>
        )}
        <div ref={outcomeRef} tabIndex={-1} className={`rounded ${focusRing}`} data-testid="import-outcome">
          {problem ? (
            <p role="alert" className="text-sm font-medium text-amber-900">
              <span aria-hidden="true">⚠ </span>
              {outcome.message}
            </p>
          ) : (
            <ActionOutcome
              outcome={outcome?.kind === "error" ? { kind: "error", message: outcome.message } : outcome}
            />
          )}
        </div>
      </div>
      {preview && <PreviewTable preview={preview} />}
    </section>
  );
}
