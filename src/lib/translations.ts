import type { VideoStatus } from "@/generated/prisma/enums";
import { LANGUAGE_NAME_MAX_LENGTH, TRANSLATION_LANGUAGES_MAX, TRANSLATION_PRICE_PER_SECOND_USD } from "./limits";
import { z } from "./zod";

/**
 * Video translation (issue 19): a finished video re-voiced by HeyGen into other languages, each a *variant* (a Video
 * row with sourceVideoId and language) behind its source's one watch page. The contract between the API, the admin's
 * translate panel, the plan and the watch page's language menu. Pure: server and browser.
 */

export const TRANSLATION_MODES = ["speed", "precision"] as const;
export type TranslationMode = (typeof TRANSLATION_MODES)[number];

export const TRANSLATION_MODE_LABELS: Record<TranslationMode, string> = {
  speed: "Speed ($0.05 a second)",
  precision: "Precision ($0.10 a second)",
};

/** US dollars to translate `seconds` of video into `languages` languages in `mode`, to the cent. */
export function translationCost(seconds: number, languages: number, mode: TranslationMode): number {
  return Math.round(seconds * languages * TRANSLATION_PRICE_PER_SECOND_USD[mode] * 100) / 100;
}

const languageName = z
  .string()
  .trim()
  .min(1, "Name a language.")
  .max(LANGUAGE_NAME_MAX_LENGTH, `A language name has at most ${LANGUAGE_NAME_MAX_LENGTH} characters.`);

/**
 * POST /api/admin/videos/{id}/translations: HeyGen language names (GET /api/admin/translations/languages), the mode,
 * and whether HeyGen makes captions in each language (on by default: the watch page shows them).
 */
export const translationRequestInput = z.strictObject({
  languages: z
    .array(languageName)
    .min(1, "Pick at least one language.")
    .max(TRANSLATION_LANGUAGES_MAX, `Pick at most ${TRANSLATION_LANGUAGES_MAX} languages at once.`),
  mode: z.enum(TRANSLATION_MODES, "Mode is speed or precision.").default("speed"),
  captions: z.boolean("Captions is true or false.").default(true),
});
export type TranslationRequest = z.input<typeof translationRequestInput>;

/** What a variant stores in Video.options: how it was asked for (a retry asks the same). */
export const translationOptions = z.object({
  mode: z.enum(TRANSLATION_MODES).catch("speed"),
  captions: z.boolean().catch(true),
});
export type TranslationOptions = z.output<typeof translationOptions>;

/** A variant as admins see it (the source's admin page, the API). */
export type TranslationVariant = {
  id: string;
  /** HeyGen's name ("Spanish (Spain)"). */
  language: string;
  /** Its BCP 47 tag (src/lib/languages.ts), null when the name cannot be read as one. */
  tag: string | null;
  status: VideoStatus;
  mode: TranslationMode;
  captions: boolean;
  error: string | null;
  duration: number | null;
  createdAt: string;
  completedAt: string | null;
};

/** Why a language named in a request made nothing new. */
export type TranslationSkipReason = "under_way" | "done";

/** POST /api/admin/videos/{id}/translations answers 201 (something created) or 200 (nothing): each language once. */
export type TranslationRequestResult = {
  created: TranslationVariant[];
  skipped: { language: string; reason: TranslationSkipReason; videoId: string }[];
};

/** GET /api/admin/videos/{id}/translations: every variant of the source, newest first per language. */
export type TranslationList = { variants: TranslationVariant[] };

/** GET /api/admin/translations/languages: HeyGen's output languages, cached like the catalogue. */
export type TranslationLanguages = { languages: { name: string; tag: string | null }[] };

/** A finished variant as viewers are offered it (the watch page's language menu, the source's status JSON). */
export type ViewerLanguage = {
  /** The variant's id; the source's own entry has the source's id. */
  videoId: string;
  name: string;
  tag: string | null;
  videoUrl: string | null;
  subtitleUrl: string | null;
};
