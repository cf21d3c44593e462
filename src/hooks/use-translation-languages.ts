import useSWR from "swr";
import { fetchJson } from "@/lib/fetch-json";
import type { TranslationLanguages } from "@/lib/translations";

export const TRANSLATION_LANGUAGES_URL = "/api/admin/translations/languages";

/**
 * HeyGen's output languages for translation (GET /api/admin/translations/languages, cached on the server for 5
 * minutes like the catalogue). Read once per page: the list changes rarely, so not again on focus, and a refusal is
 * shown instead of retried (the server already retried HeyGen). `reload()` asks the server to drop its cache
 * (?reload=1) and shows the fresh list; it rejects with the server's refusal, the list shown staying as it was.
 */
export function useTranslationLanguages() {
  const { data, error, isLoading, mutate } = useSWR<TranslationLanguages, Error>(TRANSLATION_LANGUAGES_URL, fetchJson, {
    revalidateOnFocus: false,
    shouldRetryOnError: false,
  });
  async function reload(): Promise<void> {
    const fresh = await fetchJson<TranslationLanguages>(`${TRANSLATION_LANGUAGES_URL}?reload=1`);
    await mutate(fresh, { revalidate: false });
  }
  return { data, error, isLoading, reload };
}
