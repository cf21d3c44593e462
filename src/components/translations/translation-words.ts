import type { TranslationRequestResult, TranslationSkipReason } from "@/lib/translations";

/** "Spanish (Spain)", "Spanish (Spain) and French (France)", "A, B and C". */
export const listWords = (names: string[]) => new Intl.ListFormat("en", { type: "conjunction" }).format(names);

const SKIP_WORDS: Record<TranslationSkipReason, string> = { under_way: "already under way", done: "already done" };

/** What a translation request did, in a sentence or two: the languages it started, and why the others made nothing. */
export function requestOutcomeWords({ created, skipped }: TranslationRequestResult): string {
  const sentences = created.length
    ? [`Translating into ${listWords(created.map((variant) => variant.language))}.`]
    : [];
  for (const reason of ["under_way", "done"] as const) {
    const names = skipped.filter((skip) => skip.reason === reason).map((skip) => skip.language);
    if (names.length) sentences.push(`${listWords(names)} ${names.length > 1 ? "are" : "is"} ${SKIP_WORDS[reason]}.`);
  }
  if (!created.length) sentences.unshift("Nothing new was sent to HeyGen:");
  return sentences.join(" ");
}
