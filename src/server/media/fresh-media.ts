import "server-only";
import pLimit from "p-limit";
import type { Video } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { processWide } from "@/server/process-wide";
import { claimAndSync } from "@/server/sync/ask-heygen";

/** A URL that expires within this margin is not served: it could die while someone watches. */
export const FRESH_MARGIN_MS = 3600 * 1000;
/** At most one refresh per video per this interval, across every instance (it also bounds forced refreshes). */
const REFRESH_INTERVAL_MS = 30_000;
/** How long a request waits for another instance's refresh before serving what it has. */
const WAIT_FOR_OTHER_MS = 3_000;

/** Refreshes a list makes at once (a gallery page, the admin list). */
const LIST_REFRESH_CONCURRENCY = 4;

/** The refresh in flight per video, shared by every request of this process that wants it. */
const refreshesInFlight = () => processWide("mediaRefreshesInFlight", () => new Map<string, Promise<Video>>());

/**
 * The video with media URLs that stay valid for at least an hour: HeyGen presigns them and they expire, so
 * expiring ones are replaced from HeyGen's record of the video (the sync path) first. One refresh per video at a
 * time: in this process through a shared promise, across instances through the sync's claim in the database.
 * `force` is the player's "this URL failed" (still at most one refresh per interval).
 */
export function withFreshMedia(video: Video, options: { force?: boolean } = {}): Promise<Video> {
  if (video.status !== "COMPLETED" || !video.heygenVideoId) return Promise.resolve(video);
  const expiresSoon = !video.mediaExpiresAt || video.mediaExpiresAt.getTime() < Date.now() + FRESH_MARGIN_MS;
  if (!expiresSoon && !options.force) return Promise.resolve(video);
  const inFlight = refreshesInFlight();
  let refresh = inFlight.get(video.id);
  if (!refresh) {
    refresh = refreshMedia(video).finally(() => inFlight.delete(video.id));
    inFlight.set(video.id, refresh);
  }
  return refresh;
}

/** withFreshMedia for a list, a few at a time so that a page of expired rows does not fire dozens of HeyGen calls. */
export function withFreshMediaAll<T extends Video>(videos: T[]): Promise<T[]> {
  const limit = pLimit(LIST_REFRESH_CONCURRENCY);
  return Promise.all(videos.map((video) => limit(async () => ({ ...video, ...(await withFreshMedia(video)) }))));
}

async function refreshMedia(video: Video): Promise<Video> {
  const outcome = await claimAndSync(video.id, { intervalMs: REFRESH_INTERVAL_MS });
  if (outcome === "claimed_elsewhere") return waitForOtherRefresh(video);
  // HeyGen unreachable (logged): the old URL is served, nothing better exists.
  if (outcome !== "details_landed") return video;
  return (await db.video.findUnique({ where: { id: video.id } })) ?? video;
}

/** Another request holds the claim (or asked moments ago): use its result once the row has fresh URLs. */
async function waitForOtherRefresh(video: Video): Promise<Video> {
  const deadline = Date.now() + WAIT_FOR_OTHER_MS;
  for (;;) {
    const latest = await db.video.findUnique({ where: { id: video.id } });
    const fresh = latest?.mediaExpiresAt && latest.mediaExpiresAt.getTime() > Date.now() + FRESH_MARGIN_MS;
    if (!latest || fresh || Date.now() > deadline) return latest ?? video;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
