import useSWR from "swr";
import type { BatchPreview, BatchSelection } from "@/lib/batch";
import { fetchJson } from "@/lib/fetch-json";

export const PREVIEW_URL = "/api/admin/batches/preview";

const askPreview = ([url, body]: readonly [string, string, string]) =>
  fetchJson<BatchPreview>(url, { method: "POST", body });

/**
 * What "Generate what is missing" would make for `selection` (null: the selection is not complete yet, ask nothing).
 * Asked again whenever the selection changes, and whenever `planRevision` does (a fingerprint of the plan as last
 * read: a script added, edited, deleted or imported, a pair that moved), since the same selection then makes other
 * videos; the previous answer is not kept, so the count shown is always the current selection's on the current plan.
 */
export function useBatchPreview(selection: BatchSelection | null, planRevision = "") {
  return useSWR<BatchPreview, Error>(
    selection ? ([PREVIEW_URL, JSON.stringify(selection), planRevision] as const) : null,
    askPreview,
    {
      shouldRetryOnError: false,
    },
  );
}
