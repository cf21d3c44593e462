import "server-only";
import type { CataloguePage } from "@/lib/catalogue";
import { AppError } from "@/server/errors";
import { compareKeys, type SortKey } from "./order";

/** A page cursor: the sort key of the last item given, opaque to clients. */
const encodeCursor = (key: SortKey) => Buffer.from(JSON.stringify(key)).toString("base64url");

function decodeCursor(cursor: string): SortKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length > 0 && key.every((part) => typeof part === "string")) return key;
  } catch {
    // Not JSON: refused below, like any other cursor this API did not make.
  }
  throw new AppError("invalid_input", "cursor is not one this API gave out: start again from the first page.", {
    field: "cursor",
  });
}

/** `limit` items of the (sorted, filtered) `items` after `cursor`, and the cursor of the page after. */
export function pageOf<T, F>(
  items: T[],
  { cursor, limit }: { cursor?: string; limit: number },
  key: (item: T) => SortKey,
  filters: F,
): CataloguePage<T, F> {
  const after = cursor ? decodeCursor(cursor) : null;
  const start = after ? items.findIndex((item) => compareKeys(key(item), after) > 0) : 0;
  const rest = start === -1 ? [] : items.slice(start);
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page,
    total: items.length,
    nextCursor: rest.length > limit && last ? encodeCursor(key(last)) : null,
    filters,
  };
}
