import "server-only";
import { viewersMaySee } from "@/lib/visibility";

type Publishable = Parameters<typeof viewersMaySee>[0];

/**
 * Whether whoever asks holds an admin session; asked lazily, only about a video viewers may not see, so that the
 * crowd watching public videos costs no session lookup.
 */
export type AdminCheck = () => Promise<boolean>;

/** For code that only ever answers viewers (feeds, other sites' oEmbed consumers without a session). */
export const viewerOnly: AdminCheck = async () => false;

/**
 * The viewer read path's one gate: the row when viewers may see it (src/lib/visibility.ts, at this moment: a
 * scheduled video passes once its publishAt has come, with no write), or when an admin asks; else null, which every
 * viewer route answers as 404, exactly as for a video that does not exist.
 */
export async function gateVideo<T extends Publishable>(row: T | null, isAdmin: AdminCheck): Promise<T | null> {
  if (!row) return null;
  if (viewersMaySee(row)) return row;
  return (await isAdmin()) ? row : null;
}

/** What an admin is shown of a video viewers may not see is stored by no cache: a CDN would hand it to anyone. */
export const ADMIN_ONLY_CACHE_CONTROL = "private, no-store";

/** The Cache-Control for an answer about `video`: `shared` while viewers may see it, else admins' private one. */
export function cacheControlFor(video: Publishable, shared: string): string {
  return viewersMaySee(video) ? shared : ADMIN_ONLY_CACHE_CONTROL;
}
