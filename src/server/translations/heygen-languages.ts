import "server-only";
import { languageTag } from "@/lib/languages";
import type { TranslationLanguages } from "@/lib/translations";
import { CATALOGUE_TTL_MS } from "@/server/catalogue/heygen-catalogue";
import { throwHeygenAppError } from "@/server/heygen-app-error";
import { heygen } from "@/server/heygen-client";
import { processWide } from "@/server/process-wide";

type LanguagesCache = { cached: { at: number; names: string[] } | null; loading: Promise<string[]> | null };

// One per process, like the catalogue: every route bundle shares it, and ?reload=1 drops it for all.
const languagesCache = () =>
  processWide<LanguagesCache>("heygenTranslationLanguages", () => ({ cached: null, loading: null }));

/**
 * HeyGen's output language names, one HeyGen call per CATALOGUE_TTL_MS per process (concurrent requests share it). A
 * failure is not cached: it is thrown as the API's answer (heygenAppError), and the next request asks again.
 */
export async function translationLanguageNames({ reload = false } = {}): Promise<string[]> {
  const cache = languagesCache();
  if (reload) Object.assign(cache, { cached: null, loading: null });
  if (cache.cached && Date.now() - cache.cached.at < CATALOGUE_TTL_MS) return cache.cached.names;
  if (!cache.loading) {
    const loading: Promise<string[]> = heygen
      .listTranslationLanguages()
      .then((names) => {
        if (cache.loading === loading) cache.cached = { at: Date.now(), names };
        return names;
      })
      .finally(() => {
        if (cache.loading === loading) cache.loading = null;
      });
    cache.loading = loading;
  }
  try {
    return await cache.loading;
  } catch (error) {
    throwHeygenAppError(error, { action: "list the languages it translates into" });
  }
}

/** GET /api/admin/translations/languages. */
export async function translationLanguages(options: { reload?: boolean } = {}): Promise<TranslationLanguages> {
  const names = await translationLanguageNames(options);
  return { languages: names.map((name) => ({ name, tag: languageTag(name) })) };
}
