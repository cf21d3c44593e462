import "server-only";
import type { Video } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { env } from "@/server/env";
import type { HeygenFailureKind } from "@/server/heygen/failures";
import { logger } from "@/server/logger";
import { sendTranslation } from "@/server/translations/variants";
import { createRefusal, markUnconfirmed, sendToHeygen, type SendOutcome } from "@/server/videos/create-video";
import { schedulePublish } from "@/server/videos/scheduled-publish";
import { changeBatchStatus } from "./batch-status";
import { claimItem, holdGate } from "./claim-item";
import { changeItemStatus } from "./item-status";

/** What the job does next: nothing more, or run again after a while (the batch is waiting its turn). */
export type JobOutcome = { kind: "finished" } | { kind: "later"; seconds: number };

/** The longest a job waits in place for its turn before it steps aside (re-enqueued, the worker freed). */
const maxInlineWaitMs = () => Math.min(10_000, (env.QUEUE_JOB_TIMEOUT_SECONDS * 1000) / 4);

/**
 * One job: waits for the item's turn (pace and in-flight cap), claims it and sends its video to HeyGen once. A 429
 * puts the item back in line with backoff; a refusal of the account (credits, key) pauses the batch; HeyGen's other
 * refusals fail the item; a lost answer leaves the video unconfirmed, never resent.
 */
export async function submitItem(itemId: string): Promise<JobOutcome> {
  const deadline = Date.now() + maxInlineWaitMs();
  for (;;) {
    const claim = await claimItem(itemId);
    switch (claim.kind) {
      case "done":
      case "paused":
        return { kind: "finished" };
      case "stalled":
        await settleStalled(itemId, claim.video);
        return { kind: "finished" };
      case "wait": {
        // A translation's video renders for minutes: its job steps aside at once, the worker free for others.
        if (claim.reason === "source" || Date.now() + claim.ms > deadline)
          return { kind: "later", seconds: Math.max(1, Math.ceil(claim.ms / 1000)) };
        await new Promise((resolve) => setTimeout(resolve, claim.ms));
        continue;
      }
      case "claimed": {
        // The row exists (the claim committed): its publish job may be queued. Should HeyGen refuse it, the video is
        // deleted and the job finds nothing; a requeued item's next claim queues its own.
        await schedulePublish(claim.video.id, claim.video.publishAt);
        const retry = await send(itemId, claim.video, () => sendToHeygen(claim.video, claim.input, { retry: false }));
        if (!retry) return { kind: "finished" };
        continue;
      }
      case "translate": {
        // Its visibility is its video's (copied, and changed with it: docs/decisions.md, issue 19): no job of its own.
        const retry = await send(itemId, claim.variant, () => sendTranslation(claim.variant, { retry: false }));
        if (!retry) return { kind: "finished" };
      }
    }
  }
}

/**
 * Sends the claimed item's video (or translation) with `request`; true when HeyGen refused for now and the item is
 * back in line. Never retried inside the client: a 429 must come back here, to hold every worker's gate (a retry in
 * place would hold nobody else, and go out again off the pace).
 */
async function send(itemId: string, video: Video, request: () => Promise<SendOutcome>): Promise<boolean> {
  const sent = await request();
  if (sent.kind !== "refused") {
    await changeItemStatus({ id: itemId }, { status: "SENT" });
    return false;
  }
  const { failure } = sent;
  const item = await db.batchItem.findUniqueOrThrow({
    where: { id: itemId },
    select: { attempts: true, batchId: true },
  });
  const attempts = item.attempts + 1;
  const { message } = createRefusal(failure);
  if (ACCOUNT_PROBLEMS.includes(failure.kind)) {
    // Every other item would be refused the same way: the batch pauses, saying why, until an admin resumes it.
    logger.warn({ itemId, batchId: item.batchId, err: failure.message }, "HeyGen refused the account: batch paused");
    await requeue(itemId, video.id, item.attempts, message);
    await changeBatchStatus(item.batchId, "PAUSED");
    return false;
  }
  // HeyGen made nothing and may take it later: too many requests.
  const rateLimited = failure.kind === "rate_limited";
  if (rateLimited) {
    // Everyone waits, from now, whether or not this item tries again: HeyGen's limit is the account's.
    const waitMs = (failure.retryAfterSeconds ?? backoffSeconds(attempts)) * 1000;
    await holdGate(waitMs);
    if (attempts < env.QUEUE_MAX_ATTEMPTS) {
      logger.warn(
        { itemId, attempts, waitMs, err: failure.message },
        "HeyGen refused a batch create for now; every worker waits, and it waits its turn again",
      );
      return requeue(itemId, video.id, attempts, message);
    }
  }
  const reason = rateLimited ? `${message} (gave up after ${attempts} tries)` : message;
  await fail(itemId, video.id, attempts, reason);
  return false;
}

/**
 * Never made: HeyGen refused it (or kept refusing it). The item keeps its state and reason for the admin, and lets go
 * of its video, which is deleted with it: HeyGen made nothing, so no viewer may meet a failed video for it. If another
 * job settled the item meanwhile, its video stays, as that job left it.
 */
async function fail(itemId: string, videoId: string, attempts: number, error: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const failed = await changeItemStatus({ id: itemId }, { status: "FAILED", attempts, error }, tx);
    // Trigger "video_inserted_or_deleted" (docs/triggers.md) tells every instance the video is gone.
    if (failed) await tx.video.deleteMany({ where: { id: videoId, status: "PENDING", heygenVideoId: null } });
  });
}

/** Out of credits, the key refused or gone: not this video's fault, and no retry will help until an admin acts. */
const ACCOUNT_PROBLEMS: HeygenFailureKind[] = ["no_key", "key_refused", "no_credits"];

/** 5 s, 10 s, 20 s … up to 5 min, when HeyGen says nothing of when to come back. */
const backoffSeconds = (attempts: number) => Math.min(300, 5 * 2 ** (attempts - 1));

/**
 * Back in line, as if never claimed: HeyGen refused the request, so its video never existed there. The item lets go
 * of the video before it is deleted: trigger "Video_release_batch_key_on_delete" (docs/triggers.md) would release the
 * pair's live key of an item still linked to it. False when the item had already moved on (another job settled it
 * as stalled meanwhile): then its video stays, as that job left it.
 */
async function requeue(itemId: string, videoId: string, attempts: number, error: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const requeued = await changeItemStatus({ id: itemId }, { status: "QUEUED", attempts, error }, tx);
    // Trigger "video_inserted_or_deleted" (docs/triggers.md) tells every instance the video is gone.
    if (requeued) await tx.video.delete({ where: { id: videoId } });
    return requeued > 0;
  });
}

/** A worker died while sending: HeyGen may have the job. Reconciliation looks for it; it is never sent again. */
async function settleStalled(itemId: string, video: Video | null) {
  if (video && !video.heygenVideoId) {
    await markUnconfirmed(
      video,
      "The worker stopped while sending this video to HeyGen: it may have been made.",
      "worker_stopped",
    );
  }
  await changeItemStatus({ id: itemId }, { status: "SENT" });
}
