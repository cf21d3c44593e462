"use client";

import { focusRing } from "@/components/ui/focus-ring";

/** The catalogue pickers' filter fields, paging and messages. None has a name: they are not part of the video. */

const fieldClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
export const secondaryButton = `rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60 ${focusRing}`;

/** Enter in a field inside the video form would submit it (and spend credits): it runs `onEnter` instead. */
const keepFormUnsent = (onEnter?: () => void) => (event: React.KeyboardEvent<HTMLInputElement>) => {
  if (event.key !== "Enter") return;
  event.preventDefault();
  onEnter?.();
};

export function SearchBox(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
}) {
  return (
    <label className={`block text-xs font-medium text-slate-700 ${props.className ?? ""}`}>
      {props.label}
      <input
        type="search"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={keepFormUnsent()}
        placeholder={props.placeholder}
        className={fieldClass}
        autoComplete="off"
      />
    </label>
  );
}

export function PromptBox(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onEnter: () => void;
  placeholder: string;
  maxLength: number;
}) {
  return (
    <label className="block min-w-0 flex-1 text-xs font-medium text-slate-700">
      {props.label}
      <input
        type="text"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={keepFormUnsent(props.onEnter)}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        className={fieldClass}
        autoComplete="off"
      />
    </label>
  );
}

/** A select whose first option, "Any", is the empty value. */
export function FilterSelect<V extends string>(props: {
  label: string;
  value: V | "";
  onChange: (value: V | "") => void;
  options: ReadonlyArray<readonly [V, string]>;
}) {
  return (
    <label className="block text-xs font-medium text-slate-700">
      {props.label}
      <select
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as V | "")}
        className={fieldClass}
      >
        <option value="">Any</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "12 of 340 looks" and, while there are more, the button that loads the next page. */
export function ShowMore(props: {
  shown: number;
  total: number;
  noun: string;
  hasMore: boolean;
  loading: boolean;
  onClick: () => void;
}) {
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-600">
      <span aria-live="polite">
        {props.shown.toLocaleString("en")} of {props.total.toLocaleString("en")} {props.noun}
      </span>
      {props.hasMore && (
        <button type="button" onClick={props.onClick} disabled={props.loading} className={secondaryButton}>
          {props.loading ? "Loading…" : `Show more ${props.noun}`}
        </button>
      )}
    </div>
  );
}

export function CatalogueProblem(props: { message: string; onRetry?: () => void }) {
  return (
    <div
      role="alert"
      className="mt-2 flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
    >
      <span className="min-w-0 flex-1">{props.message}</span>
      {props.onRetry && (
        <button type="button" onClick={props.onRetry} className={secondaryButton}>
          Try again
        </button>
      )}
    </div>
  );
}

export const labelOf = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
