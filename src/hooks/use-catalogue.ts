import useSWR, { useSWRConfig } from "swr";
import useSWRInfinite from "swr/infinite";
import useSWRMutation from "swr/mutation";
import {
  LOOK_PAGE_SIZE,
  VOICE_PAGE_SIZE,
  type LookFilters,
  type LookPage,
  type VoiceFilters,
  type VoicePage,
  type VoiceSearch,
  type VoiceSearchResult,
} from "@/lib/catalogue";
import { fetchJson } from "@/lib/fetch-json";

const API = "/api/admin/catalogue";
/** Bumped by "Reload from HeyGen": every catalogue list is part of its keys, so all of them load afresh. */
const EPOCH_KEY = "catalogue-epoch";

type Page = { nextCursor: string | null };

/** Pages of a filtered catalogue list, loaded one "Show more" at a time. `initial`: the unfiltered first page. */
function useCataloguePages<P extends Page>(path: string, filters: Record<string, string>, limit: number, initial?: P) {
  const { data: epoch = 0 } = useSWR<number>(EPOCH_KEY, null);
  const unfiltered = Object.values(filters).every((value) => value === "");
  const pages = useSWRInfinite<P, Error>(
    (index, previous: P | null) => {
      if (previous && !previous.nextCursor) return null;
      const params = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ""));
      if (previous?.nextCursor) params.set("cursor", previous.nextCursor);
      params.set("limit", String(limit));
      return [`${API}/${path}?${params}`, epoch] as const;
    },
    ([url]: readonly [string, number]) => fetchJson<P>(url),
    {
      fallbackData: unfiltered && epoch === 0 && initial ? [initial] : undefined,
      keepPreviousData: true,
      revalidateFirstPage: false,
      revalidateOnFocus: false,
      // The server already retried HeyGen; the picker offers "Try again" instead.
      shouldRetryOnError: false,
    },
  );
  const loaded = pages.data ?? [];
  return {
    pages: loaded,
    first: loaded[0],
    error: pages.error,
    loading: pages.isLoading,
    loadingMore: pages.size > loaded.length,
    hasMore: Boolean(loaded.at(-1)?.nextCursor),
    showMore: () => pages.setSize(pages.size + 1),
    retry: () => pages.mutate(),
  };
}

export const useLookPages = (filters: LookFilters, initial?: LookPage) =>
  useCataloguePages<LookPage>("looks", filters, LOOK_PAGE_SIZE, initial);

export const useVoicePages = (filters: VoiceFilters, initial?: VoicePage) =>
  useCataloguePages<VoicePage>("voices", filters, VOICE_PAGE_SIZE, initial);

/** HeyGen's "describe the voice" search: `trigger({ prompt, gender?, locale?, seed? })`. */
export function useVoiceSearch() {
  return useSWRMutation<VoiceSearchResult, Error, string, VoiceSearch>(`${API}/voices/search`, (url, { arg }) =>
    fetchJson<VoiceSearchResult>(url, { method: "POST", body: JSON.stringify(arg) }),
  );
}

/** Drops the server's cached catalogue, then reloads every list shown. */
export function useCatalogueReload() {
  const { mutate } = useSWRConfig();
  return useSWRMutation<void, Error, string>(`${API}/refresh`, async (url) => {
    await fetchJson(url, { method: "POST" });
    await mutate(EPOCH_KEY, (epoch: number = 0) => epoch + 1, { revalidate: false });
  });
}
