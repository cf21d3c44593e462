/**
 * HeyGen names translation languages in English words ("Spanish (Spain)", "Hindi", "Chinese (Mandarin,
 * Simplified)"), not codes; viewers' browsers, `hreflang` and `og:locale` speak BCP 47 tags ("es-ES", "hi", "zh-Hans").
 * This module maps one to the other, from the platform's own names (Intl.DisplayNames) so that no table of a few
 * hundred languages is kept by hand: "<language>" or "<language> (<region>)". Pure: server and browser.
 */

/** ISO 639-1 codes: the languages a name is looked up among. */
const LANGUAGE_CODES =
  "af am ar as az be bg bn bo bs ca cs cy da de el en es et eu fa fi fil fr ga gl gu he hi hr hu hy id is it ja jv ka " +
  "kk km kn ko ky lo lt lv mi mk ml mn mr ms mt my nb ne nl no or pa pl ps pt ro ru si sk sl so sq sr su sv sw ta te " +
  "tg th tk tl tr uk ur uz vi xh yo yue zh zu";

/** Names Intl does not give in HeyGen's words. */
const SPECIAL: Record<string, string> = {
  "chinese (mandarin, simplified)": "zh-Hans",
  "chinese (mandarin, traditional)": "zh-Hant",
  "chinese (cantonese, traditional)": "yue-Hant",
  "chinese (simplified)": "zh-Hans",
  "chinese (traditional)": "zh-Hant",
  "chinese (cantonese)": "yue",
  cantonese: "yue",
  filipino: "fil",
  tagalog: "tl",
  "norwegian bokmål": "nb",
  norwegian: "no",
  persian: "fa",
  farsi: "fa",
};

/** Withdrawn ISO 3166 codes Intl still names like today's ("UK" and "GB" are both "United Kingdom"): never emitted. */
const WITHDRAWN_REGIONS = new Set("AN BU CS DD DY FX HV NH RH SU TP UK VD YD YU ZR".split(" "));

type Lookup = { languages: Map<string, string>; regions: Map<string, string> };
let lookup: Lookup | null = null;

function buildLookup(): Lookup {
  const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
  const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const languages = new Map<string, string>();
  for (const code of LANGUAGE_CODES.split(" ")) {
    const name = languageNames.of(code);
    if (name) languages.set(name.toLowerCase(), code);
  }
  const regions = new Map<string, string>();
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      const name = regionNames.of(code);
      if (name && !WITHDRAWN_REGIONS.has(code)) regions.set(name.toLowerCase(), code);
    }
  }
  regions.set("united states of america", "US").set("usa", "US").set("uk", "GB").set("england", "GB");
  return { languages, regions };
}

/**
 * The BCP 47 tag for a HeyGen language name: "Spanish (Spain)" → "es-ES", "English" → "en", "Hindi (India)" →
 * "hi-IN". Null when the name is not one it can read (the language is still offered, without hreflang).
 */
export function languageTag(name: string): string | null {
  const key = name.trim().toLowerCase().replace(/\s+/g, " ");
  if (SPECIAL[key]) return SPECIAL[key];
  lookup ??= buildLookup();
  const match = /^([^()]+?)\s*(?:\(([^()]+)\))?$/.exec(key);
  if (!match) return null;
  const [, languagePart = "", regionPart] = match;
  const language = SPECIAL[languagePart] ?? lookup.languages.get(languagePart);
  if (!language) return null;
  const region = regionPart ? lookup.regions.get(regionPart.trim()) : undefined;
  return region ? `${language}-${region}` : language;
}

/**
 * The variant a viewer's Accept-Language header prefers among the languages offered (name → tag): an exact tag first,
 * then the same primary language ("es" matches "es-ES" and "es-MX", the first offered), by the header's q order.
 * Null: none matches (the source is shown).
 */
export function preferredLanguage(acceptLanguage: string | null, offered: { name: string; tag: string | null }[]) {
  if (!acceptLanguage) return null;
  const wanted = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { range: range.trim().toLowerCase(), q: q ? Number(q) : 1, index };
    })
    .filter((entry) => entry.range && entry.range !== "*" && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of wanted) {
    const exact = offered.find((language) => language.tag?.toLowerCase() === range);
    if (exact) return exact.name;
    const primary = range.split("-")[0];
    const sameLanguage = offered.find((language) => language.tag?.toLowerCase().split("-")[0] === primary);
    if (sameLanguage) return sameLanguage.name;
  }
  return null;
}
