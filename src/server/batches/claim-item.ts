import "server-only";
import type { Video } from "@/generated/prisma/client";
import type { CreateVideoInput } from "@/lib/video-input";
import { db, type Db } from "@/server/db";
import { env } from "@/server/env";
import { planMoment } from "@/server/review/plan-moment";
import { failUnsent, linkVariant, liveVariant, recordVariant, sourceOf } from "./claim-translation";
import { changeItemStatus } from "./item-status";
import { videoInputOf, type Publishing } from "./select-pairs";

/** The row of SubmitGate that paces create requests across every worker. */
export const CREATE_GATE = "heygen-create";

/** How long after its claim an item still being sent is presumed alive (one HeyGen call, and some). */
export const stalledAfterMs = () => env.HEYGEN_TIMEOUT_MS + 5_000;

export type Claim =
  /** Nothing to do: the item was sent, failed, was cancelled or deleted, or another worker is sending it. */
  | { kind: "done" }
  /** Its batch is paused: resuming enqueues it again. */
  | { kind: "paused" }
  /**
   * Not yet: the pace (the next create's moment), the in-flight cap (enough of the queue's videos render), or, for a
   * translation, its video is not completed yet (its job steps aside and comes back).
   */
  | { kind: "wait"; ms: number; reason: "pace" | "in_flight" | "source" }
  /** A worker claimed it and died mid-request: the job may exist at HeyGen, so it is never sent again. */
  | { kind: "stalled"; video: Video | null }
  /** Ours to send, now: its PENDING video is recorded (the callback_id) and the gate moved on. */
  | { kind: "claimed"; video: Video; input: CreateVideoInput }
  /** A translation ours to send, now: its PENDING variant of the pair's completed video is recorded. */
  | { kind: "translate"; variant: Video };

/**
 * Decides, in one transaction, whether an item may be sent now. The gate row's lock serialises every worker's claim,
 * so the pace and the in-flight count are read and moved together; the item's conditional update makes the claim
 * exactly once. The video row is recorded before HeyGen is called, so a crash mid-request leaves a trace to check.
 */
export async function claimItem(itemId: string): Promise<Claim> {
  try {
    return await claimInTransaction(itemId);
  } catch (error) {
    if (error instanceof ClaimLost) return { kind: "done" };
    throw error;
  }
}

/** The item left QUEUED between its read and its claim (cancelled): nothing of the claim is kept. */
class ClaimLost extends Error {}

function claimInTransaction(itemId: string): Promise<Claim> {
  return db.$transaction(async (tx): Promise<Claim> => {
    const [gate] = await tx.$queryRaw<Array<{ waitMs: number }>>`
      SELECT GREATEST(0, EXTRACT(EPOCH FROM "nextAt" - (clock_timestamp() AT TIME ZONE 'UTC')) * 1000)::float8 AS "waitMs"
      FROM "SubmitGate" WHERE "name" = ${CREATE_GATE} FOR UPDATE`;
    const item = await tx.batchItem.findUnique({
      where: { id: itemId },
      include: { batch: true, planScript: true, presenter: true, video: true },
    });
    if (!item) return { kind: "done" };
    if (item.status === "SUBMITTING") {
      const stalled = Date.now() - (item.submittedAt?.getTime() ?? 0) > stalledAfterMs();
      return stalled ? { kind: "stalled", video: item.video } : { kind: "done" };
    }
    if (item.status !== "QUEUED") return { kind: "done" };
    if (item.batch.status === "PAUSED") return { kind: "paused" };
    if (item.batch.status === "CANCELLED") {
      await changeItemStatus({ id: itemId }, { status: "CANCELLED" }, tx);
      return { kind: "done" };
    }
    if (!gate) throw new Error(`SubmitGate row "${CREATE_GATE}" is missing: run the migrations.`);
    // A translation first needs its video, completed; one made meanwhile by another path is taken as it is.
    let source: Video | null = null;
    if (item.language !== null) {
      const state = await sourceOf(item, tx);
      if (state.kind === "wait")
        return { kind: "wait", ms: env.QUEUE_TRANSLATION_WAIT_SECONDS * 1000, reason: "source" };
      if (state.kind === "gone") {
        await failUnsent(item, state.reason, tx);
        return { kind: "done" };
      }
      source = state.video;
      const existing = await liveVariant(source, item.language, tx);
      if (existing) return (await linkVariant(itemId, existing, tx)) ? { kind: "done" } : failLinked(item, tx);
    }
    if (gate.waitMs > 0) return { kind: "wait", ms: Math.ceil(gate.waitMs), reason: "pace" };
    // The queue's own videos in flight (a claimed item's video is PENDING until HeyGen takes it); the Studio's
    // single videos are not held back by a batch, nor a batch by them.
    const inFlight = await tx.video.count({
      where: { status: { in: ["PENDING", "PROCESSING"] }, batchItem: { isNot: null } },
    });
    if (inFlight >= env.QUEUE_MAX_IN_FLIGHT) return { kind: "wait", ms: 1_000, reason: "in_flight" };

    if (source && item.language !== null) {
      const variant = await recordVariant(source, item.language, tx);
      // Made live by another path between the look above and this insert: the next claim links it.
      if (!variant) return { kind: "wait", ms: 0, reason: "pace" };
      if (!(await changeItemStatus({ id: itemId }, { status: "SUBMITTING", videoId: variant.id }, tx)))
        throw new ClaimLost();
      await moveGate(tx);
      return { kind: "translate", variant };
    }

    const publishing = await publishingOf(item.batch.review, item.planScript.date, tx);
    const input = videoInputOf({ script: item.planScript, presenter: item.presenter }, publishing);
    // Trigger "video_inserted_or_deleted" (docs/triggers.md) announces the row at commit (nothing if undone).
    const video = await tx.video.create({
      data: { ...input, status: "PENDING", idempotencyKey: `batch-item:${itemId}` },
    });
    // The claim's moment and the gate's next one from the database's clock, under the gate's lock: claims are
    // spaced by the interval exactly, whichever worker makes them. The item was read QUEUED, but a cancel takes no
    // gate lock: should one have won meanwhile, the claim is refused and the whole transaction undone (no video).
    if (!(await changeItemStatus({ id: itemId }, { status: "SUBMITTING", videoId: video.id }, tx)))
      throw new ClaimLost();
    await moveGate(tx);
    return { kind: "claimed", video, input };
  });
}

/** The next create's moment: one interval from now, by the database's clock (under the gate's lock). */
async function moveGate(tx: Db) {
  await tx.$executeRaw`
    UPDATE "SubmitGate" SET "nextAt" = (clock_timestamp() AT TIME ZONE 'UTC') + ${env.QUEUE_SUBMIT_INTERVAL_MS} * interval '1 millisecond'
    WHERE "name" = ${CREATE_GATE}`;
}

/** The language's variant already belongs to another item (which tells its state): this one has nothing to make. */
async function failLinked(item: { id: string; attempts: number }, tx: Db): Promise<Claim> {
  await failUnsent(item, "Already translated into this language by another batch item.", tx);
  return { kind: "done" };
}

/**
 * Who may see a batch's video once made. Reviewed (the default): a draft, until an admin approves it (then public at
 * its plan moment, src/server/review/decide.ts). Not reviewed: public at its plan moment (its script's date at the
 * month's publish time in PUBLISH_TIMEZONE), or as soon as it is ready when that moment has passed. Decided at the
 * claim, so a publish time changed while the batch waits applies to the videos not yet made.
 */
async function publishingOf(review: boolean, planDate: Date, tx: Db, now = new Date()): Promise<Publishing> {
  if (review) return { visibility: "DRAFT", publishAt: null };
  const moment = await planMoment(planDate, tx);
  return { visibility: "PUBLIC", publishAt: moment > now ? moment : null };
}

/** After a 429: no worker sends anything before HeyGen's Retry-After has passed. */
export async function holdGate(ms: number): Promise<void> {
  await db.$executeRaw`
    UPDATE "SubmitGate" SET "nextAt" = GREATEST("nextAt", (clock_timestamp() AT TIME ZONE 'UTC') + ${ms} * interval '1 millisecond')
    WHERE "name" = ${CREATE_GATE}`;
}
