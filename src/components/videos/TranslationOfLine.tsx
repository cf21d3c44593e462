import Link from "next/link";
import { focusRing } from "@/components/ui/focus-ring";
import type { TranslationOf } from "@/lib/video";

/** "Spanish (Spain) translation of <the source's title, linked>": a translation's admin row and its page. */
export function TranslationOfLine({ translation, className }: { translation: TranslationOf; className?: string }) {
  return (
    <p className={`text-sm break-words text-slate-700 ${className ?? ""}`} data-testid="translation-of">
      <span className="inline-flex rounded-full border border-indigo-200 bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-900">
        {translation.language}
      </span>{" "}
      translation of{" "}
      <Link
        href={`/videos/${translation.sourceId}`}
        className={`font-medium text-indigo-700 underline hover:text-indigo-900 ${focusRing}`}
      >
        {translation.sourceTitle}
      </Link>
    </p>
  );
}
