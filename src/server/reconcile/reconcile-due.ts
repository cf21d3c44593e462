import "server-only";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { classifyHeygenFailure } from "@/server/heygen/failures";
import { logger } from "@/server/logger";
import { heygenConfigured } from "@/server/settings/credentials";
import { syncVideos } from "@/server/sync/ask-heygen";
import { claimVideos } from "@/server/sync/claim";
import { settleWithoutDetails } from "@/server/sync/give-up";
import { catchUpWebhookEvents } from "@/server/webhooks/catch-up-events";
import { pruneDeliveryLog } from "@/server/webhooks/delivery-log";
import { dueWhere } from "./due";

/** Videos looked at per run; the rest wait for the next one. */
const BATCH = 500;

export type ReconcileSummary = {
  due: number;
  caughtUpEvents: number;
  checked: number;
  finished: number;
  /** Completed videos whose lost render details this run fetched. */
  refilled: number;
  /** Completed videos settled without their details (DETAILS_GIVE_UP_MS). */
  settledWithoutDetails: number;
  pruned: number;
};

/**
 * One reconciliation run (the timer, `npm run reconcile`, the cron route): catch up on webhook events HeyGen
 * recorded but we never received, then ask HeyGen about every video due (see due.ts), settle the completed videos
 * whose details will not come, and prune the delivery log. Each video is claimed first, so that any number of
 * instances and pollers together ask HeyGen about it at most once per interval.
 */
export async function reconcileDue(now = new Date()): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = {
    due: 0,
    caughtUpEvents: 0,
    checked: 0,
    finished: 0,
    refilled: 0,
    settledWithoutDetails: 0,
    pruned: 0,
  };
  const due = await db.video.findMany({
    where: dueWhere(now),
    orderBy: { createdAt: "asc" },
    take: BATCH,
    select: { id: true },
  });
  summary.due = due.length;
  // Without a HeyGen key (none set yet) the videos wait, quietly, for one to be added in Settings.
  if (due.length > 0 && (await heygenConfigured())) {
    summary.caughtUpEvents = await catchUpWebhookEvents(now).catch((error: unknown) => {
      const failure = classifyHeygenFailure(error);
      if (!failure) throw error;
      logger.warn({ kind: failure.kind, err: failure.message }, "could not read HeyGen's webhook events");
      return 0;
    });
    // The catch-up may have finished some, and another instance may have claimed some: claimed ones as they stand.
    const claimed = await claimVideos(
      due.map((video) => video.id),
      env.RECONCILE_AFTER_SECONDS * 1000,
      now,
    );
    const outcomes = (await syncVideos(claimed, now)).filter((outcome) => outcome !== "nothing_to_ask");
    summary.checked = outcomes.length;
    summary.finished = outcomes.filter((outcome) => outcome === "finished" || outcome === "given_up").length;
    summary.refilled = outcomes.filter((outcome) => outcome === "details_landed").length;
  }
  summary.settledWithoutDetails = await settleWithoutDetails(now);
  summary.pruned = await pruneDeliveryLog(now);
  return summary;
}
