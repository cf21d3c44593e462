"use client";

import { useId } from "react";
import { focusRing } from "@/components/ui/focus-ring";

type Props = {
  label: string;
  /** The API's field ("options.voiceSpeed"): where a refusal naming it moves the focus. */
  name: string;
  min: number;
  max: number;
  step: number;
  /** Null: not set, HeyGen uses `natural`. */
  value: number | null;
  natural: number;
  /** How a value reads: 1.2 → "1.2×". */
  format: (value: number) => string;
  onChange: (value: number | null) => void;
  error?: React.ReactNode;
};

/** A slider with a number box for exact values, and a reset to the natural value (which then is not sent). */
export function RangeField({ label, name, min, max, step, value, natural, format, onChange, error }: Props) {
  const id = useId();
  const shown = value ?? natural;
  const set = (text: string) => {
    // An emptied number box is being retyped: keep the value until there is a number again.
    if (text.trim() !== "" && Number.isFinite(Number(text))) onChange(Number(text));
  };
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <span id={`${id}-state`} className="text-xs text-slate-600">
          {value === null ? `natural (${format(natural)})` : format(value)}
        </span>
      </div>
      <div className="mt-1 flex items-center gap-3">
        <input
          id={id}
          type="range"
          name={name}
          min={min}
          max={max}
          step={step}
          value={shown}
          onChange={(e) => set(e.target.value)}
          aria-describedby={`${id}-state`}
          aria-valuetext={format(shown)}
          className="h-2 min-w-0 flex-1 cursor-pointer accent-indigo-600"
        />
        <input
          type="number"
          min={min}
          max={max}
          step={step}
          value={shown}
          onChange={(e) => set(e.target.value)}
          aria-label={`${label}, exact value`}
          className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
        <button
          type="button"
          onClick={() => onChange(null)}
          disabled={value === null}
          aria-label={`Reset ${label.toLowerCase()}`}
          className={`rounded-md px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50 disabled:text-slate-400 disabled:hover:bg-transparent ${focusRing}`}
        >
          Reset
        </button>
      </div>
      {error}
    </div>
  );
}
