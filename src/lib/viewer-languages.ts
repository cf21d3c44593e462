import { preferredLanguage } from "./languages";
import type { ViewerLanguage } from "./translations";

/**
 * The watch page's language menu (issue 19), pure: server and browser. A video's `languages` (its status JSON) are
 * empty when there is nothing to choose; else the source first, named by originalName (the language HeyGen heard in it
 * when translating it, else ORIGINAL_LANGUAGE), then its finished translations.
 */
export const ORIGINAL_LANGUAGE = "Original";

/** The original's name in the menu: "English (original)" once HeyGen has said what it speaks, else "Original". */
export const originalName = (spokenLanguage: string | null) =>
  spokenLanguage ? `${spokenLanguage} (original)` : ORIGINAL_LANGUAGE;

/** `?lang=` of the original: the plain URL may land on a translation (Accept-Language), this one never does. */
export const ORIGINAL_PARAM = "original";

/** What `?lang=` says for a language: its BCP 47 tag when it has one ("es-ES"), else HeyGen's name. */
export function languageParam(language: ViewerLanguage, sourceId: string): string {
  if (language.videoId === sourceId) return ORIGINAL_PARAM;
  return language.tag ?? language.name;
}

/** The language a `?lang=` value names (a tag or a name, any case; "original"), or undefined. */
export function languageOfParam(languages: ViewerLanguage[], param: string | null | undefined) {
  const wanted = param?.trim().toLowerCase();
  if (!wanted) return undefined;
  const [original] = languages;
  if (wanted === ORIGINAL_PARAM) return original;
  return languages.find((language) => language.tag?.toLowerCase() === wanted || language.name.toLowerCase() === wanted);
}

/**
 * The language a viewer lands on: the one `?lang=` names, else the one their Accept-Language prefers (preferredLanguage;
 * the original competes once its language is known, so an English reader of an English video stays on it), else the
 * original. Its video id (the source's id for the original).
 */
export function initialLanguageId(
  sourceId: string,
  languages: ViewerLanguage[],
  param: string | null | undefined,
  acceptLanguage: string | null,
): string {
  const named = languageOfParam(languages, param);
  if (named) return named.videoId;
  const preferred = preferredLanguage(acceptLanguage, languages);
  return languages.find((language) => language.name === preferred)?.videoId ?? sourceId;
}

/** og:locale's form of a BCP 47 tag: "es-ES" → "es_ES". */
export const ogLocale = (tag: string) => tag.replace(/-/g, "_");
