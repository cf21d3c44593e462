import "server-only";
import type { Video } from "@/generated/prisma/client";
import { schedulePublish } from "@/server/videos/scheduled-publish";
import { changeVisibility } from "@/server/videos/visibility";
import { planMomentOf } from "./plan-moment";

/**
 * Approves a ready draft: public at its plan moment (scheduled), or at once when it has none or it has passed. Null
 * when there is no such video or it is not a ready draft nobody rejected (already decided, still rendering, failed).
 */
export async function approveVideo(videoId: string, now = new Date()): Promise<Video | null> {
  const moment = await planMomentOf(videoId);
  const publishAt = moment && moment > now ? moment : null;
  const approved = await changeVisibility(
    videoId,
    { visibility: "PUBLIC", publishAt },
    { now, decision: { kind: "approve" } },
  );
  if (approved) await schedulePublish(videoId, approved.publishAt);
  return approved;
}

/**
 * Rejects a ready draft with a reason: it becomes private (admins only), and its plan pair counts as missing again,
 * so the next "Generate what is missing" remakes it (a trigger releases the pair: docs/triggers.md). Null as for
 * approveVideo.
 */
export async function rejectVideo(videoId: string, reason: string, now = new Date()): Promise<Video | null> {
  return changeVisibility(
    videoId,
    { visibility: "PRIVATE", publishAt: null },
    { now, decision: { kind: "reject", reason } },
  );
}
