import { describe, expect, it } from "vitest";
import type { ViewerLanguage } from "@/lib/translations";
import { initialLanguageId, languageParam, ogLocale } from "@/lib/viewer-languages";

const language = (videoId: string, name: string, tag: string | null): ViewerLanguage => ({
  videoId,
  name,
  tag,
  videoUrl: `/media/${videoId}/v.mp4`,
  subtitleUrl: null,
});
const LANGUAGES = [
  language("src", "Original", null),
  language("es", "Spanish (Spain)", "es-ES"),
  language("ja", "Japanese", "ja"),
  language("xx", "Klingon", null),
];
const initial = (param: string | null, acceptLanguage: string | null = null) =>
  initialLanguageId("src", LANGUAGES, param, acceptLanguage);

describe("the language a watch page opens in", () => {
  it("is the one ?lang= names: a tag or a name, any case, or the original", () => {
    expect([initial("es-ES"), initial("JA"), initial("klingon"), initial("original", "es")]).toEqual([
      "es",
      "ja",
      "xx",
      "src",
    ]);
  });

  it("else the translation Accept-Language prefers, by q order and primary language; else the original", () => {
    expect(initial(null, "es")).toBe("es");
    expect(initial("tlh", "fr;q=0.9, ja;q=0.8, es;q=0.5")).toBe("ja");
    expect(initial(null, "fr, de")).toBe("src");
    expect(initial(null, null)).toBe("src");
  });

  it("lets the original compete once its language is known: an English reader of an English video stays on it", () => {
    const known = [language("src", "English (original)", "en"), ...LANGUAGES.slice(1)];
    expect(initialLanguageId("src", known, null, "en-US, es;q=0.9")).toBe("src");
    expect(initialLanguageId("src", known, null, "es, en;q=0.9")).toBe("es");
    expect(initialLanguageId("src", known, "en", null)).toBe("src");
    // Unknown, the original cannot be preferred: the first translation the reader accepts wins.
    expect(initialLanguageId("src", LANGUAGES, null, "en-US, es;q=0.9")).toBe("es");
  });

  it("writes ?lang= as the tag, else the name, and the original as original; og:locale as es_ES", () => {
    expect(LANGUAGES.map((entry) => languageParam(entry, "src"))).toEqual(["original", "es-ES", "ja", "Klingon"]);
    expect(ogLocale("es-ES")).toBe("es_ES");
  });
});
