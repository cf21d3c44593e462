import "server-only";
import { LRUCache } from "lru-cache";
import pLimit from "p-limit";
import type { Video } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { processWide } from "@/server/process-wide";
import { storedMediaOf } from "./served-media";
import { claimAndSync } from "@/server/sync/ask-heygen";

/** A URL that expires within this margin is not served: it could die while someone watches. */
export const FRESH_MARGIN_MS = 3600 * 1000;
/** At most one refresh per video per this interval, across every instance (it also bounds forced refreshes). */
const REFRESH_INTERVAL_MS = 30_000;
/** Longest a request waits for a refresh (its own, or another instance's) before serving what is stored. */
const WAIT_FOR_REFRESH_MS = 3_000;
/**
 * A refresh that failed (HeyGen down or refusing, or not done within WAIT_FOR_REFRESH_MS) is not tried again for this
 * video in this process for this long: meanwhile requests serve what is stored at once, and ask HeyGen nothing.
 */
export const FAILED_REFRESH_MEMORY_MS = 5 * 60_000;
/**
 * Refreshes the player forces (`?fresh`: "this URL failed") for URLs that do not look expired, per process per
 * minute: anyone may ask, and each one is a HeyGen call.
 */
export const FORCED_REFRESHES_PER_MINUTE = 20;

/** Refreshes a list makes at once (a gallery page, the admin list). */
const LIST_REFRESH_CONCURRENCY = 4;

/** The refresh in flight per video, shared by every request of this process that wants it (null: it failed). */
const refreshesInFlight = () => processWide("mediaRefreshesInFlight", () => new Map<string, Promise<Video | null>>());
/** Per video, until when a failed refresh is not tried again (bounded: the oldest are forgotten first). */
const failedRefreshes = () => processWide("mediaRefreshesFailed", () => new LRUCache<string, number>({ max: 10_000 }));
/** The forced refreshes started this minute. */
const forcedThisMinute = () => processWide("mediaRefreshesForced", () => ({ minute: 0, count: 0 }));

/**
 * The video with media URLs that stay valid for at least an hour: HeyGen presigns them and they expire, so
 * expiring ones are replaced from HeyGen's record of the video (the sync path) first. One refresh per video at a
 * time: in this process through a shared promise, across instances through the sync's claim in the database.
 * `force` is the player's "this URL failed" (still at most one refresh per interval, and FORCED_REFRESHES_PER_MINUTE).
 * No request waits more than WAIT_FOR_REFRESH_MS, and after a failure none waits at all for a while. A video whose
 * copy is stored in our storage is never refreshed: nothing of HeyGen's is shown for it.
 */
export async function withFreshMedia(video: Video, options: { force?: boolean } = {}): Promise<Video> {
  if (video.status !== "COMPLETED" || !video.heygenVideoId) return video;
  // Our copy is served (storedMediaUrls): HeyGen's URLs are not shown, so they need no refresh.
  if (storedMediaOf(video)) return video;
  const expiresSoon = !video.mediaExpiresAt || video.mediaExpiresAt.getTime() < Date.now() + FRESH_MARGIN_MS;
  if (!expiresSoon && !options.force) return video;
  if ((failedRefreshes().get(video.id) ?? 0) > Date.now()) return video;
  const inFlight = refreshesInFlight();
  let refresh = inFlight.get(video.id);
  if (!refresh) {
    if (!expiresSoon && !mayForceRefresh()) return video;
    refresh = refreshMedia(video).finally(() => inFlight.delete(video.id));
    inFlight.set(video.id, refresh);
  }
  const refreshed = await within(refresh, WAIT_FOR_REFRESH_MS);
  if (refreshed) return refreshed;
  // Failed, or still going (HeyGen slow): serve what is stored, and let the next requests do so without waiting.
  rememberFailure(video.id);
  return video;
}

/** withFreshMedia for a list, a few at a time so that a page of expired rows does not fire dozens of HeyGen calls. */
export function withFreshMediaAll<T extends Video>(videos: T[]): Promise<T[]> {
  const limit = pLimit(LIST_REFRESH_CONCURRENCY);
  return Promise.all(videos.map((video) => limit(async () => ({ ...video, ...(await withFreshMedia(video)) }))));
}

/** The refreshed row, or null when there is nothing better than what is stored (remembered as a failure). */
async function refreshMedia(video: Video): Promise<Video | null> {
  const outcome = await claimAndSync(video.id, { intervalMs: REFRESH_INTERVAL_MS });
  const refreshed =
    outcome === "claimed_elsewhere"
      ? await waitForOtherRefresh(video)
      : outcome === "details_landed" // else HeyGen was unreachable or refused (logged): nothing better exists
        ? await db.video.findUnique({ where: { id: video.id } })
        : null;
  if (refreshed) failedRefreshes().delete(video.id);
  else rememberFailure(video.id);
  return refreshed;
}

/** Another request holds the claim (or asked moments ago): its result, once the row has fresh URLs, or null. */
async function waitForOtherRefresh(video: Video): Promise<Video | null> {
  const deadline = performance.now() + WAIT_FOR_REFRESH_MS;
  for (;;) {
    const latest = await db.video.findUnique({ where: { id: video.id } });
    if (!latest || (latest.mediaExpiresAt && latest.mediaExpiresAt.getTime() > Date.now() + FRESH_MARGIN_MS)) {
      return latest;
    }
    if (performance.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function rememberFailure(videoId: string): void {
  failedRefreshes().set(videoId, Date.now() + FAILED_REFRESH_MEMORY_MS);
}

/** True (and counted) while this minute's forced refreshes are under FORCED_REFRESHES_PER_MINUTE. */
function mayForceRefresh(now = Date.now()): boolean {
  const forced = forcedThisMinute();
  const minute = Math.floor(now / 60_000);
  if (forced.minute !== minute) Object.assign(forced, { minute, count: 0 });
  if (forced.count >= FORCED_REFRESHES_PER_MINUTE) return false;
  forced.count++;
  return true;
}

/** The promise's value, or null if it has not settled within `ms`. */
async function within<T>(promise: Promise<T | null>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
