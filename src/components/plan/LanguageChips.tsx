import Link from "next/link";
import { focusRing } from "@/components/ui/focus-ring";
import type { LanguageCell, TranslationState } from "@/lib/plan-matrix";

/** A translation's state in words (the chip never relies on its colour alone). */
export const TRANSLATION_LABELS: Record<TranslationState, string> = {
  missing: "Missing",
  queued: "Queued",
  submitted: "Submitted",
  rendering: "Rendering",
  ready: "Ready",
  failed: "Failed",
};

const STYLES: Record<TranslationState, string> = {
  missing: "border border-dashed border-slate-400 bg-white text-slate-700",
  queued: "bg-slate-100 text-slate-800",
  submitted: "bg-sky-100 text-sky-900",
  rendering: "bg-amber-100 text-amber-900",
  ready: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-800",
};

/**
 * A pair's translations (issue 19) under its badge, one small chip per language: its short tag and state ("es-ES
 * Ready"), the language's full name for screen readers and as its title, linked to the variant once there is one.
 */
export function LanguageChips({ languages }: { languages: LanguageCell[] }) {
  if (languages.length === 0) return null;
  return (
    <ul aria-label="Translations" className="mt-1 flex max-w-56 flex-wrap gap-1">
      {languages.map((cell) => (
        <li key={cell.language}>
          <LanguageChip cell={cell} />
        </li>
      ))}
    </ul>
  );
}

function LanguageChip({ cell }: { cell: LanguageCell }) {
  const label = TRANSLATION_LABELS[cell.state];
  const title = cell.error ? `${cell.language}: ${label}: ${cell.error}` : `${cell.language}: ${label}`;
  const chip = (
    <span
      className={`inline-flex rounded px-1.5 py-0.5 text-[11px] leading-4 font-medium whitespace-nowrap ${STYLES[cell.state]}`}
      data-language={cell.language}
      data-state={cell.state}
      title={title}
    >
      <span aria-hidden="true">
        {cell.tag ?? cell.language} {label}
      </span>
      <span className="sr-only">{title}</span>
    </span>
  );
  if (!cell.videoId) return chip;
  return (
    <Link href={`/videos/${cell.videoId}`} className={`rounded underline-offset-2 hover:underline ${focusRing}`}>
      {chip}
      <span className="sr-only">, open the translation</span>
    </Link>
  );
}
