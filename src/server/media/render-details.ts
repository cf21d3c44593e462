import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import pLimit from "p-limit";
import { db } from "@/server/db";
import { processWide } from "@/server/process-wide";
import { claimAndSync } from "@/server/sync/ask-heygen";
import { HEYGEN_CALL_INTERVAL_MS } from "@/server/sync/claim";

/**
 * At most this many render-detail calls to HeyGen at a time, per process: a burst of success webhooks (a catch-up,
 * a batch finishing) must not fire hundreds of simultaneous calls at HeyGen's API.
 */
export const RENDER_DETAIL_CALLS_AT_ONCE = 2;
/** Detail calls start only once no success webhook has asked for details for this long (a burst has paused)... */
export const RENDER_DETAILS_QUIET_MS = 250;
/** ...or at the latest this long after their own webhook. */
export const RENDER_DETAILS_MAX_WAIT_MS = 10_000;

/** One queue of detail calls per process, and when a success webhook last asked for details. */
const detailCalls = () =>
  processWide("renderDetailCalls", () => ({ queue: pLimit(RENDER_DETAIL_CALLS_AT_ONCE), lastAskedAt: 0 }));

/**
 * A success webhook carries only the video URL. The poster, duration, captions and a freshly signed video URL come
 * from HeyGen's record of the video (the sync path), asked after the webhook has been answered, a few videos at a
 * time, once the webhooks have paused (answering a burst of them comes first, and its details follow), and never more
 * than RENDER_DETAILS_MAX_WAIT_MS after the webhook. Resolves once this video's details are stored (or given up on:
 * the video plays without them, and reconciliation refills them if this process dies first).
 */
export async function recordRenderDetails(videoId: string): Promise<void> {
  const calls = detailCalls();
  calls.lastAskedAt = Date.now();
  const deadline = calls.lastAskedAt + RENDER_DETAILS_MAX_WAIT_MS;
  const outcome = await calls.queue(async () => {
    await webhooksPaused(deadline);
    return claimAndSync(videoId);
  });
  if (outcome === "claimed_elsewhere") await askOnceClaimLapses(videoId);
}

/** Resolves once no webhook has asked for details for RENDER_DETAILS_QUIET_MS, or at the deadline. */
async function webhooksPaused(deadline: number): Promise<void> {
  for (;;) {
    const until = Math.min(deadline, detailCalls().lastAskedAt + RENDER_DETAILS_QUIET_MS);
    if (Date.now() >= until) return;
    await sleep(until - Date.now());
  }
}

/**
 * Someone asked HeyGen about this video moments ago: a refresh or another instance asking for the same details, whose
 * write lands them, or a status check made while HeyGen still rendered it, which brought none. Once that claim
 * lapses, ask again unless the details have landed meanwhile.
 */
async function askOnceClaimLapses(videoId: string): Promise<void> {
  const row = await db.video.findUnique({ where: { id: videoId }, select: { detailsAt: true, heygenCheckedAt: true } });
  if (!row || row.detailsAt || !row.heygenCheckedAt) return;
  await sleep(Math.max(0, row.heygenCheckedAt.getTime() + HEYGEN_CALL_INTERVAL_MS - Date.now()));
  const latest = await db.video.findUnique({ where: { id: videoId }, select: { detailsAt: true } });
  if (latest && !latest.detailsAt) await detailCalls().queue(() => claimAndSync(videoId));
}
