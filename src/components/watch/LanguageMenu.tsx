"use client";

import { useId } from "react";
import type { ViewerLanguage } from "@/lib/translations";
import { languageParam } from "@/lib/viewer-languages";

type Props = {
  /** The original first, then each finished translation (PublicVideo.languages). */
  languages: ViewerLanguage[];
  /** The video id of the language shown (the source's for the original). */
  value: string;
  onChange: (language: ViewerLanguage) => void;
  /** The embed's: small, over the video's corner. */
  compact?: boolean;
};

/**
 * The player's language menu (issue 19): a native select, labelled "Language", so every browser, screen reader and
 * keyboard already knows it. Shown only when there is a translation to choose.
 */
export function LanguageMenu({ languages, value, onChange, compact = false }: Props) {
  const id = useId();
  if (languages.length < 2) return null;
  return (
    <div
      className={
        compact
          ? "flex items-center gap-1 rounded bg-black/75 px-2 py-1 text-sm text-white"
          : "flex items-center justify-end gap-2 text-sm text-slate-700"
      }
    >
      <label htmlFor={id} className="font-medium">
        Language
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(languages.find((language) => language.videoId === event.target.value)!)}
        className={`rounded border px-2 py-1 focus-visible:outline-2 focus-visible:outline-offset-2 ${
          compact
            ? "border-white/40 bg-black text-white focus-visible:outline-white"
            : "border-slate-300 bg-white text-slate-900 focus-visible:outline-indigo-600"
        }`}
      >
        {languages.map((language) => (
          <option key={language.videoId} value={language.videoId} lang={language.tag ?? undefined}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The page's address naming `language` (`?lang=`), replaced in place: no reload, no navigation, no history entry. */
export function showLanguageInAddress(language: ViewerLanguage, sourceId: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set("lang", languageParam(language, sourceId));
  window.history.replaceState(window.history.state, "", url);
}
