import { describe, expect, it } from "vitest";
import { languageTag, preferredLanguage } from "@/lib/languages";

describe("HeyGen's language names as BCP 47 tags", () => {
  it("reads '<language>' and '<language> (<region>)' with today's region codes", () => {
    const names = [
      "English",
      "English (United Kingdom)",
      "French (France)",
      "German (Germany)",
      "Spanish (Mexico)",
      "Hindi (India)",
      "Japanese (Japan)",
      "Portuguese (Brazil)",
      "Chinese (Mandarin, Simplified)",
      "Vietnamese (Vietnam)",
    ];
    expect(names.map(languageTag)).toEqual([
      "en",
      "en-GB",
      "fr-FR",
      "de-DE",
      "es-MX",
      "hi-IN",
      "ja-JP",
      "pt-BR",
      "zh-Hans",
      "vi-VN",
    ]);
  });

  it("gives null for a language it cannot read (offered without hreflang); an unknown region is left out", () => {
    expect([languageTag("Klingon"), languageTag("English (Atlantis)"), languageTag("(France)")]).toEqual([
      null,
      "en",
      null,
    ]);
  });

  it("prefers by the reader's q order: the exact tag, then the same primary language, else none", () => {
    const offered = [
      { name: "Spanish (Mexico)", tag: "es-MX" },
      { name: "Spanish (Spain)", tag: "es-ES" },
      { name: "Japanese", tag: "ja" },
    ];
    expect(preferredLanguage("es-ES,es;q=0.9", offered)).toBe("Spanish (Spain)");
    expect(preferredLanguage("es", offered)).toBe("Spanish (Mexico)");
    expect(preferredLanguage("fr;q=0.9, ja;q=0.8", offered)).toBe("Japanese");
    expect(preferredLanguage("ja;q=0, fr", offered)).toBeNull();
    expect(preferredLanguage(null, offered)).toBeNull();
  });
});
