import "server-only";
import type { Video } from "@/generated/prisma/client";
import { isSettled, toPublicVideo } from "@/lib/video";
import { etagOfJson } from "@/lib/video-etag";
import { BROWSER_MAX_AGE_S, SHARED_MAX_AGE_S } from "@/server/http/public-cache";
import { FRESH_MARGIN_MS, withFreshMedia } from "@/server/media/fresh-media";
import { processWide } from "@/server/process-wide";
import { isVideoId } from "@/server/videos/video-id";
import { heldWaits } from "./held-waits";
import { videoCache } from "./video-cache";
import { gateVideo } from "./viewer-gate";
import { viewerLanguages } from "./viewer-languages";
import { storedMediaOf, storedMediaUrls } from "@/server/media/served-media";

export type StatusQuery = {
  admin: boolean;
  /** The ETag the caller has (If-None-Match). */
  ifNoneMatch: string | null;
  /** Hold the answer up to this long while the video still matches `ifNoneMatch` (a long-poll); 0: answer now. */
  waitSeconds: number;
  /** Who asks (their address): the long-polls held for one client are capped (held-waits.ts). */
  client: string | null;
  /** The player could not load its media URL: refresh it even if it does not look expired. */
  forceFreshMedia: boolean;
  signal: AbortSignal;
};

export type StatusAnswer = { row: Video; body: string; etag: string; notModified: boolean; cacheControl: string };

/** How long a CDN may serve a finished video's stale copy while it asks again (short: the video may be deleted). */
const STALE_WHILE_REVALIDATE_S = 60;

/**
 * A video's status as the API serves it, for a crowd: from the in-process cache, with an ETag. With `waitSeconds`
 * and the current ETag it waits for the next change (announced through PostgreSQL by whichever instance made it),
 * so that a viewer learns of it at once while making a request every 25 s. Null: no such video.
 */
export async function videoStatus(id: string, query: StatusQuery): Promise<StatusAnswer | null> {
  if (!isVideoId(id)) return null;
  const deadline = Date.now() + query.waitSeconds * 1000;
  let force = query.forceFreshMedia;
  let release: (() => void) | null = null;
  try {
    for (;;) {
      const remaining = deadline - Date.now();
      // Listen before reading: a change landing between the read and the wait still wakes us.
      const stopWaiting = new AbortController();
      const change =
        remaining > 0
          ? videoCache.nextChange(id, remaining, AbortSignal.any([query.signal, stopWaiting.signal]))
          : null;
      const answer = await currentStatus(id, query.admin, force);
      force = false;
      const notModified = answer !== null && answer.etag === query.ifNoneMatch;
      release ??= notModified && change && !query.signal.aborted ? holdFor(query.client) : null;
      if (!answer || !notModified || !change || query.signal.aborted || !release) {
        stopWaiting.abort();
        return answer && { ...answer, notModified };
      }
      await change;
    }
  } finally {
    release?.();
  }
}

/**
 * A slot to hold this wait in, or null to answer at once: past the caps on held waits a long-poll is answered as a
 * plain poll would be. A settled video's wait is held too: its render will not change, but an admin may still hide or
 * delete it, and its open pages must hear of that at once (they get the 404).
 */
function holdFor(client: string | null): (() => void) | null {
  return heldWaits().take(client);
}

// The viewer's JSON and ETag of a row, computed once per cached row rather than once per request; one per process,
// like the cache of rows it is keyed by (process-wide.ts).
const viewerJsonOf = () => processWide("viewerJson", () => new WeakMap<Video, { body: string; etag: string }>());

async function currentStatus(
  id: string,
  admin: boolean,
  force: boolean,
): Promise<Omit<StatusAnswer, "notModified"> | null> {
  // Admin is known already (its answer differs): the gate needs no lookup of its own.
  const cached = await gateVideo(await videoCache.read(id), async () => admin);
  if (!cached) return null;
  // Presigned URLs expiring within the hour are replaced first (that write drops the cached row everywhere).
  const row = await withFreshMedia(cached, { force });
  const media = storedMediaUrls(row);
  // Its finished translations came with the cached row: a change to one drops it too (the trigger names the source).
  const { languages, variants, refreshed } = await viewerLanguages(row, media, cached.translations, admin);
  const viewerJson = viewerJsonOf();
  const reusable = !admin && !refreshed;
  let json = reusable ? viewerJson.get(row) : undefined;
  if (!json) {
    const body = JSON.stringify(toPublicVideo(row, { admin }, media, languages));
    json = { body, etag: etagOfJson(body) };
    if (reusable) viewerJson.set(row, json);
  }
  return { row, ...json, cacheControl: cacheControl(row, variants, admin) };
}

/**
 * Still changing (rendering, or completed with its details still to come): anyone may store it but must ask again
 * (with the ETag) before using it. Settled: caches may keep it a few minutes (public-cache.ts: it may be deleted), but
 * never so long that the presigned URLs in it (its own, its translations') expire within the hour someone watches.
 * What an admin sees (HeyGen's own error message) is never stored.
 */
function cacheControl(row: Video, variants: Video[], admin: boolean, now = Date.now()): string {
  if (admin) return "private, no-store";
  if (!isSettled(row)) return "no-cache";
  // Our stored copy's URLs never expire; HeyGen's presigned ones do.
  const budget = Math.min(...[row, ...variants].map((video) => urlBudgetSeconds(video, now)));
  if (budget <= 0) return "no-cache";
  const shared = Math.min(budget, SHARED_MAX_AGE_S);
  const stale = Math.min(budget - shared, STALE_WHILE_REVALIDATE_S);
  return `public, max-age=${Math.min(shared, BROWSER_MAX_AGE_S)}, s-maxage=${shared}, stale-while-revalidate=${stale}`;
}

/** How long the media URLs served for `video` may be kept, in seconds. */
function urlBudgetSeconds(video: Video, now: number): number {
  return video.mediaExpiresAt && !storedMediaOf(video)
    ? Math.floor((video.mediaExpiresAt.getTime() - now - FRESH_MARGIN_MS) / 1000)
    : SHARED_MAX_AGE_S * 24;
}
