import useSWR from "swr";
import type { BatchPreview, BatchSelection } from "@/lib/batch";
import { fetchJson } from "@/lib/fetch-json";

export const PREVIEW_URL = "/api/admin/batches/preview";

const askPreview = ([url, body]: readonly [string, string]) => fetchJson<BatchPreview>(url, { method: "POST", body });

/**
 * What "Generate what is missing" would make for `selection` (null: the selection is not complete yet, ask nothing).
 * Asked again whenever the selection changes; the previous answer is not kept, so the count shown is always the
 * current selection's.
 */
export function useBatchPreview(selection: BatchSelection | null) {
  return useSWR<BatchPreview, Error>(
    selection ? ([PREVIEW_URL, JSON.stringify(selection)] as const) : null,
    askPreview,
    {
      shouldRetryOnError: false,
    },
  );
}
