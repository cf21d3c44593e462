import { z } from "./zod";
import type { AdminVideo, VideoStatus } from "./video";

/**
 * The admin list's filters as the URL carries them (`/admin/videos?status=rendering&copy=failed&q=welcome&cursor=…`), so that
 * a filtered view can be shared and survives a reload. Shared by the API, the page and the filter form.
 */

/** The status filter in the badges' own words (STATUS_LABELS, lowercased). */
export const STATUS_FILTERS = {
  queued: "PENDING",
  rendering: "PROCESSING",
  ready: "COMPLETED",
  failed: "FAILED",
} as const satisfies Record<string, VideoStatus>;

export type StatusFilter = keyof typeof STATUS_FILTERS | "all";
const STATUS_FILTER_WORDS = ["all", ...(Object.keys(STATUS_FILTERS) as Array<keyof typeof STATUS_FILTERS>)] as const;

/**
 * Where a video's copy stands (src/lib/media-copy-state.ts), for finding the copies that failed: the overview links
 * to `?copy=failed`. "copying" lists completed videos not stored yet.
 */
export const COPY_FILTERS = ["all", "stored", "copying", "failed"] as const;
export type CopyFilter = (typeof COPY_FILTERS)[number];

/** A search is a few words of a title or a script; longer is a paste gone wrong. */
export const SEARCH_MAX_LENGTH = 200;

export const videoListQuery = z.object({
  status: z.enum(STATUS_FILTER_WORDS, { error: `must be one of ${STATUS_FILTER_WORDS.join(", ")}` }).default("all"),
  copy: z.enum(COPY_FILTERS, { error: `must be one of ${COPY_FILTERS.join(", ")}` }).default("all"),
  q: z.string().trim().max(SEARCH_MAX_LENGTH, `must be at most ${SEARCH_MAX_LENGTH} characters`).default(""),
  /** Opaque: where a page ends, as the list gave it out. Empty means the first page. */
  cursor: z
    .string()
    .optional()
    .transform((cursor) => cursor || undefined),
});

export type VideoListQuery = z.output<typeof videoListQuery>;

export const FIRST_PAGE: VideoListQuery = videoListQuery.parse({});

/** The query string of a view, without its defaults ("" for the unfiltered first page). */
export function searchOf({ status, copy, q, cursor }: Partial<VideoListQuery>): string {
  const params = new URLSearchParams();
  if (status && status !== "all") params.set("status", status);
  if (copy && copy !== "all") params.set("copy", copy);
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** One page of the list, as GET /api/admin/videos answers it. */
export type AdminVideoPage = {
  videos: AdminVideo[];
  /** Where the next (older) page starts, or null on the last page. */
  nextCursor: string | null;
};
