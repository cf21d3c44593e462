"use client";

import Link from "next/link";
import { ActionOutcome } from "@/components/ui/ActionOutcome";
import { smallButton } from "@/components/ui/buttons";
import { focusRing } from "@/components/ui/focus-ring";
import { StatusBadge } from "@/components/videos/StatusBadge";
import { useActionOutcome } from "@/hooks/use-action-outcome";
import { translationsUrl } from "@/hooks/use-translations";
import { fetchJson } from "@/lib/fetch-json";
import { formatDuration } from "@/lib/format";
import type { TranslationRequestResult, TranslationVariant } from "@/lib/translations";
import { requestOutcomeWords } from "./translation-words";

type Props = {
  videoId: string;
  variants: TranslationVariant[] | undefined;
  /** Why they could not be read, if they could not. */
  error: Error | undefined;
  /** A retry was asked for (or refused): the variants should be read again. */
  onChanged: () => void;
};

const MODE_WORDS = { speed: "speed mode", precision: "precision mode" } as const;

/**
 * A video's translations, each language with its status (the badges' words), mode, HeyGen's error, and a link to its
 * own page; a failed one offers Retry (the same language, mode and captions asked again: a new translation, the failed
 * one stays listed), unless a newer one of its language has been asked for since.
 */
export function VariantList({ videoId, variants, error, onChanged }: Props) {
  const { pending, outcome, run } = useActionOutcome();
  const retry = (variant: TranslationVariant) =>
    run(async () => {
      try {
        const result = await fetchJson<TranslationRequestResult>(translationsUrl(videoId), {
          method: "POST",
          body: JSON.stringify({ languages: [variant.language], mode: variant.mode, captions: variant.captions }),
        });
        return requestOutcomeWords(result);
      } catch (caught) {
        throw new Error(`${variant.language} was not retried: ${(caught as Error).message}`);
      } finally {
        onChanged();
      }
    });

  const newest = new Map<string, string>();
  for (const variant of variants ?? []) if (!newest.has(variant.language)) newest.set(variant.language, variant.id);
  return (
    <div className="space-y-2">
      <h3 id="variants-heading" className="font-medium">
        Its translations
      </h3>
      {!variants ? (
        error ? (
          <p role="alert" className="text-sm text-red-700">
            Could not read them: {error.message}
          </p>
        ) : (
          <p className="text-sm text-slate-600">Loading…</p>
        )
      ) : variants.length === 0 ? (
        <p className="text-sm text-slate-600">None yet.</p>
      ) : (
        <ul aria-labelledby="variants-heading" className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {variants.map((variant) => (
            <li key={variant.id} data-variant-language={variant.language} className="space-y-1 px-3 py-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  href={`/videos/${variant.id}`}
                  className={`min-w-0 font-medium break-words text-indigo-700 underline ${focusRing}`}
                >
                  {variant.language}
                </Link>
                <StatusBadge status={variant.status} />
                <span className="text-slate-600">
                  {MODE_WORDS[variant.mode]}
                  {variant.captions ? ", captions" : ""}
                  {variant.status === "COMPLETED" && variant.duration !== null
                    ? `, ${formatDuration(variant.duration)} long`
                    : ""}
                </span>
                {variant.status === "FAILED" && newest.get(variant.language) === variant.id && (
                  <button type="button" onClick={() => retry(variant)} disabled={pending} className={smallButton}>
                    Retry<span className="sr-only"> {variant.language}</span>
                  </button>
                )}
              </div>
              {variant.status === "FAILED" && variant.error && (
                <p className="break-words text-red-700">{variant.error}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <ActionOutcome outcome={outcome} />
    </div>
  );
}
