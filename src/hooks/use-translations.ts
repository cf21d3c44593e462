import useSWR from "swr";
import { fetchJson } from "@/lib/fetch-json";
import type { TranslationList } from "@/lib/translations";
import { isTerminal } from "@/lib/video";

/** How often a video's translations are read again while any is queued or rendering (as the admin list polls). */
export const TRANSLATIONS_POLL_MS = 3_000;

export const translationsUrl = (videoId: string) => `/api/admin/videos/${videoId}/translations`;

/**
 * A finished video's translations (GET /api/admin/videos/{id}/translations), live: read every few seconds while any
 * is queued or rendering, not at all once every one is ready or failed (a new request reads it again: `mutate()`).
 * The player does not follow them (it stops watching a finished source), hence the polling. SWR asks nothing while
 * the tab is hidden, and asks again when it is shown.
 */
export function useTranslations(videoId: string) {
  return useSWR<TranslationList, Error>(translationsUrl(videoId), fetchJson, {
    refreshInterval: (latest) =>
      latest?.variants.some((variant) => !isTerminal(variant.status)) ? TRANSLATIONS_POLL_MS : 0,
  });
}
