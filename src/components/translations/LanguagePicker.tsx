"use client";

import { useState, type KeyboardEvent } from "react";
import { focusRing } from "@/components/ui/focus-ring";

export type PickableLanguage = { name: string; tag: string | null };

type Props = {
  id: string;
  label: string;
  /** The chosen languages' names (HeyGen's), in the order they were picked. */
  value: string[];
  onChange: (names: string[]) => void;
  /** What can be picked; undefined while it loads. */
  languages: PickableLanguage[] | undefined;
  /** The refusal naming this field, shown under it and linked to the search box. */
  error?: string;
  disabled?: boolean;
};

/** A language matches what is typed when its name contains it, or its BCP 47 tag starts with it ("es-", "pt-br"). */
function matches(language: PickableLanguage, typed: string) {
  const query = typed.trim().toLowerCase();
  return !query || language.name.toLowerCase().includes(query) || !!language.tag?.toLowerCase().startsWith(query);
}

/**
 * Several languages out of HeyGen's long list: a search box filters the list under it (a listbox in the page, not
 * a popup, so it works alike on a phone), ↑/↓ move through it, Enter or a click picks or drops one, and the chosen ones sit
 * above as chips, each with its remove button (Backspace in the empty box removes the last). An ARIA combobox: the
 * box keeps the focus, the list's active option is announced, and the error is read with the box.
 */
export function LanguagePicker({ id, label, value, onChange, languages, error, disabled }: Props) {
  const [typed, setTyped] = useState("");
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const shown = (languages ?? []).filter((language) => matches(language, typed));
  const activeIndex = Math.min(active, shown.length - 1);
  const ids = { list: `${id}-list`, error: `${id}-error`, chosen: `${id}-chosen` };
  const optionId = (index: number) => `${id}-option-${index}`;

  function toggle(name: string) {
    if (disabled) return;
    const picked = !value.includes(name);
    const next = picked ? [...value, name] : value.filter((chosen) => chosen !== name);
    onChange(next);
    setAnnouncement(`${picked ? "Added" : "Removed"} ${name}. ${next.length} chosen.`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = shown.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(activeIndex + 1, last),
      ArrowUp: Math.max(activeIndex - 1, 0),
      Home: 0,
      End: last,
    };
    if (event.key in moves && shown.length > 0) {
      event.preventDefault();
      setActive(moves[event.key]!);
      document.getElementById(optionId(moves[event.key]!))?.scrollIntoView?.({ block: "nearest" });
    } else if (event.key === "Enter") {
      event.preventDefault(); // inside a form, Enter would send it
      const language = shown[activeIndex];
      if (language) toggle(language.name);
    } else if (event.key === "Escape" && typed) {
      event.preventDefault();
      setTyped("");
    } else if (event.key === "Backspace" && !typed && value.length > 0) {
      toggle(value.at(-1)!);
    }
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {value.length > 0 && (
        <ul id={ids.chosen} aria-label={`${label}: chosen`} className="flex flex-wrap gap-1.5">
          {value.map((name) => (
            <li
              key={name}
              className="inline-flex items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-0.5 pr-0.5 pl-2.5 text-sm text-indigo-900"
            >
              {name}
              <button
                type="button"
                onClick={() => toggle(name)}
                disabled={disabled}
                aria-label={`Remove ${name}`}
                className={`grid size-6 place-items-center rounded-full text-indigo-800 hover:bg-indigo-100 disabled:opacity-60 ${focusRing}`}
              >
                <span aria-hidden>×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-controls={shown.length > 0 ? ids.list : undefined}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? optionId(activeIndex) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? ids.error : undefined}
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder="Type to filter: Spanish, es-MX…"
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 disabled:bg-slate-50"
      />
      {shown.length > 0 && (
        <ul
          id={ids.list}
          role="listbox"
          aria-multiselectable="true"
          aria-label={`${label}: choices`}
          className="max-h-52 overflow-y-auto rounded-md border border-slate-200 bg-white text-sm"
        >
          {shown.map((language, index) => {
            const chosen = value.includes(language.name);
            return (
              <li
                key={language.name}
                id={optionId(index)}
                role="option"
                aria-selected={chosen}
                aria-disabled={disabled || undefined}
                data-active={index === activeIndex || undefined}
                // The search box keeps the focus (and the keyboard's place in the list) when an option is clicked.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  setActive(index);
                  toggle(language.name);
                }}
                className="flex cursor-pointer items-center gap-2 px-3 py-1.5 data-active:bg-indigo-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
              >
                <span aria-hidden className="w-4 text-indigo-700">
                  {chosen ? "✓" : ""}
                </span>
                <span className="min-w-0 break-words">{language.name}</span>
                {language.tag && <span className="ml-auto text-xs text-slate-600">{language.tag}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {shown.length === 0 && (
        <p className="text-sm text-slate-600">
          {languages === undefined ? "Loading languages…" : `No language matches “${typed.trim()}”.`}
        </p>
      )}
      {error && (
        <p id={ids.error} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
