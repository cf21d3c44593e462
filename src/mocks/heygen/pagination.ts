import { invalidParameter } from "./api";

/** HeyGen's per-route page sizes (from its CLI's flag specs): default and maximum `limit`. */
export type PageLimits = { defaultLimit: number; maxLimit: number };

export type Page<T> = { data: T[]; has_more: boolean; next_token: string | null };

// Opaque to clients, like HeyGen's cursors; the fake only needs an offset.
const encodeToken = (offset: number) => Buffer.from(JSON.stringify({ offset }), "utf8").toString("base64url");

function decodeToken(token: string): number | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    const offset = (decoded as { offset?: unknown } | null)?.offset;
    return Number.isSafeInteger(offset) && (offset as number) >= 0 ? (offset as number) : null;
  } catch {
    return null;
  }
}

/**
 * One page of `items` (already filtered) per `limit` and `token` in `url`.
 * `maxPageSize` (a fake option) caps every page below HeyGen's own maximum so tests can force several pages.
 * Answers a 400 `Response` for a bad `limit` or a malformed `token`.
 */
export function paginate<T>(
  items: readonly T[],
  url: URL,
  limits: PageLimits,
  maxPageSize?: number,
): Page<T> | Response {
  const rawLimit = url.searchParams.get("limit");
  let limit = limits.defaultLimit;
  if (rawLimit !== null) {
    limit = Number(rawLimit);
    if (!/^\d+$/.test(rawLimit) || limit < 1 || limit > limits.maxLimit) {
      return invalidParameter("limit", `must be an integer from 1 to ${limits.maxLimit}`);
    }
  }
  const token = url.searchParams.get("token");
  const offset = token ? decodeToken(token) : 0;
  if (offset === null) return invalidParameter("token", "malformed pagination token");
  const size = Math.min(limit, maxPageSize ?? Infinity);
  const end = offset + size;
  const has_more = end < items.length;
  return { data: items.slice(offset, end), has_more, next_token: has_more ? encodeToken(end) : null };
}
