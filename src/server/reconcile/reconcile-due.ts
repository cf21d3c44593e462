import "server-only";
import type { Video } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { heygen } from "@/server/heygen-client";
import { HeygenError } from "@/server/heygen/failures";
import { logger } from "@/server/logger";
import { heygenConfigured } from "@/server/settings/credentials";
import { syncWithHeygen } from "@/server/videos/sync-with-heygen";
import { applyStatusChange } from "@/server/videos/transition";
import { pruneDeliveryLog } from "@/server/webhooks/delivery-log";
import { catchUpWebhookEvents } from "./catch-up-events";
import { checkVideo, UNCONFIRMED_GIVE_UP_MS } from "./check-video";

/** Videos looked at per run; the rest wait for the next one. */
const BATCH = 500;

export type ReconcileSummary = {
  due: number;
  caughtUpEvents: number;
  checked: number;
  finished: number;
  pruned: number;
};

/** The time before which an unfinished video has had no news long enough to be checked. */
export const staleBefore = (now = new Date()) => new Date(now.getTime() - env.RECONCILE_AFTER_SECONDS * 1000);

/**
 * One reconciliation run (the timer, `npm run reconcile`, the cron route): catch up on webhook events HeyGen
 * recorded but we never received, then check every unfinished video with no news for RECONCILE_AFTER_SECONDS with
 * HeyGen's bulk status endpoint (100 per call), and prune the delivery log. Each video is claimed first, so that
 * any number of instances and pollers together ask HeyGen about it at most once per interval.
 */
export async function reconcileDue(now = new Date()): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { due: 0, caughtUpEvents: 0, checked: 0, finished: 0, pruned: 0 };
  const due = await findDue(now);
  summary.due = due.length;
  // Without a HeyGen key (none set yet) the videos wait, quietly, for one to be added in Settings.
  if (due.length > 0 && (await heygenConfigured())) {
    summary.caughtUpEvents = await catchUpWebhookEvents(now).catch((error: unknown) => {
      if (!(error instanceof HeygenError)) throw error;
      logger.warn({ err: error.message }, "could not read HeyGen's webhook events");
      return 0;
    });
    const claimed = await claimAll(due, now);
    summary.checked = claimed.length;
    summary.finished =
      (await checkConfirmed(
        claimed.filter((v) => v.heygenVideoId),
        now,
      )) +
      (await checkUnconfirmed(
        claimed.filter((v) => !v.heygenVideoId),
        now,
      ));
  }
  summary.pruned = await pruneDeliveryLog(now);
  return summary;
}

function findDue(now: Date): Promise<Video[]> {
  const before = staleBefore(now);
  return db.video.findMany({
    where: {
      status: { in: ["PENDING", "PROCESSING"] },
      OR: [{ heygenCheckedAt: { lt: before } }, { heygenCheckedAt: null, createdAt: { lt: before } }],
    },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
}

/**
 * Claims the due videos this run may check, in one statement (another instance may have claimed some, and the
 * catch-up may have finished some): the claimed rows, as they now stand.
 */
function claimAll(videos: Video[], now: Date): Promise<Video[]> {
  return db.video.updateManyAndReturn({
    where: {
      id: { in: videos.map((video) => video.id) },
      status: { in: ["PENDING", "PROCESSING"] },
      OR: [{ heygenCheckedAt: null }, { heygenCheckedAt: { lt: staleBefore(now) } }],
    },
    data: { heygenCheckedAt: now },
  });
}

async function checkConfirmed(videos: Video[], now: Date): Promise<number> {
  if (videos.length === 0) return 0;
  const statuses = await heygen.getStatuses(videos.map((v) => v.heygenVideoId!)).catch((error: unknown) => {
    if (!(error instanceof HeygenError)) throw error;
    logger.warn({ err: error.message }, "could not read HeyGen's video statuses");
    return [];
  });
  let finished = 0;
  for (const video of videos) {
    const status = statuses.find((s) => s.videoId === video.heygenVideoId);
    if (!status) continue;
    if (status.state === "COMPLETED" || status.state === "FAILED") {
      // The bulk status has no URLs: the video's own record has them (and the failure message).
      if ((await syncWithHeygen(video, video.heygenVideoId!)) === "applied") finished++;
    } else if (status.state === "PROCESSING" && video.status === "PENDING") {
      await applyStatusChange(video.id, { status: "PROCESSING", heygenVideoId: video.heygenVideoId! });
    } else if (status.state === "NOT_FOUND" && now.getTime() - video.createdAt.getTime() > UNCONFIRMED_GIVE_UP_MS) {
      const error = "HeyGen no longer knows this video (deleted at HeyGen?). Generate it again if it is still wanted.";
      if ((await applyStatusChange(video.id, { status: "FAILED", error })).applied) finished++;
    }
  }
  return finished;
}

async function checkUnconfirmed(videos: Video[], now: Date): Promise<number> {
  let finished = 0;
  for (const video of videos) {
    const outcome = await checkVideo(video, now);
    if (outcome === "applied" || outcome === "given_up") finished++;
  }
  return finished;
}
