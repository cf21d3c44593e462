import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { BatchItemStatus } from "@/generated/prisma/enums";
import { db as defaultDb, type Db } from "@/server/db";

/**
 * The batch item state machine: QUEUED → SUBMITTING (claimed) → SENT | FAILED, SUBMITTING → QUEUED (HeyGen made
 * nothing and may take it later), QUEUED → CANCELLED, QUEUED → FAILED (a translation whose video will not be made). SENT, FAILED and CANCELLED never change: once sent, the item's
 * video tells the rest. An item is only ever claimed from QUEUED, so a cancelled one is never sent, and a worker whose
 * answer comes after another settled its stalled item changes nothing.
 */
const ALLOWED_FROM: Record<BatchItemStatus, BatchItemStatus[]> = {
  QUEUED: ["SUBMITTING"],
  SUBMITTING: ["QUEUED"],
  SENT: ["SUBMITTING"],
  // From QUEUED: a plan translation whose video will not be made (it failed, or was rejected) fails unsent.
  FAILED: ["SUBMITTING", "QUEUED"],
  CANCELLED: ["QUEUED"],
};

export type ItemStatusChange =
  /** Claimed (under the SubmitGate's lock): its video row is recorded, the create request goes next. */
  | { status: "SUBMITTING"; videoId: string }
  /** HeyGen has (or may have) the job: the video's status tells the rest. */
  | { status: "SENT" }
  /** Back in line, as if never claimed: it lets go of its video (HeyGen made nothing), keeping why. */
  | { status: "QUEUED"; attempts: number; error: string }
  /** Never made: HeyGen refused it, or the retries ran out. It lets go of its video (HeyGen made nothing), keeping why. */
  | { status: "FAILED"; attempts: number; error: string }
  /** Its batch was cancelled before it was sent. */
  | { status: "CANCELLED" };

/** One item, or every item of a batch that the change is allowed from. */
export type ItemsToChange = { id: string } | { batchId: string };

/**
 * The one function that changes a batch item's status: one conditional UPDATE that applies only from the states the
 * table allows, so concurrent or repeated jobs (a retry, a job that outlived its worker, a cancel racing a claim)
 * apply each change at most once. Returns how many items changed (0 or 1 for one item). Pass a transaction's client
 * to make it part of the transaction. The moments are the database's clock, which spaces claims under the gate's lock.
 */
export async function changeItemStatus(
  items: ItemsToChange,
  change: ItemStatusChange,
  db: Db = defaultDb,
): Promise<number> {
  const allowed = Prisma.join(ALLOWED_FROM[change.status].map((status) => Prisma.sql`${status}::"BatchItemStatus"`));
  const which = "id" in items ? Prisma.sql`"id" = ${items.id}` : Prisma.sql`"batchId" = ${items.batchId}`;
  const set = [
    Prisma.sql`"status" = ${change.status}::"BatchItemStatus"`,
    Prisma.sql`"updatedAt" = ${NOW}`,
    ...assignments(change),
  ];
  // Trigger "BatchItem_release_key" (docs/triggers.md) frees the pair's live key when the item becomes FAILED or
  // CANCELLED, so "Generate what is missing" queues the pair again.
  return db.$executeRaw`UPDATE "BatchItem" SET ${Prisma.join(set)} WHERE ${which} AND "status" IN (${allowed})`;
}

/** The database's clock as Prisma stores moments (UTC, no time zone), read when the statement runs. */
const NOW = Prisma.sql`clock_timestamp() AT TIME ZONE 'UTC'`;

/** What a change writes besides its status and moment. */
function assignments(change: ItemStatusChange): Prisma.Sql[] {
  switch (change.status) {
    case "SUBMITTING":
      return [
        Prisma.sql`"videoId" = ${change.videoId}`,
        Prisma.sql`"error" = NULL`,
        Prisma.sql`"submittedAt" = ${NOW}`,
      ];
    case "QUEUED":
      return [
        Prisma.sql`"videoId" = NULL`,
        Prisma.sql`"submittedAt" = NULL`,
        Prisma.sql`"attempts" = ${change.attempts}`,
        Prisma.sql`"error" = ${change.error}`,
      ];
    case "FAILED":
      return [
        Prisma.sql`"attempts" = ${change.attempts}`,
        Prisma.sql`"error" = ${change.error}`,
        Prisma.sql`"videoId" = NULL`,
      ];
    case "SENT":
    case "CANCELLED":
      return [];
  }
}
