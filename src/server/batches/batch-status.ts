import "server-only";
import type { BatchStatus } from "@/generated/prisma/enums";
import { db as defaultDb, type Db } from "@/server/db";

/**
 * The batch state machine: RUNNING ⇄ PAUSED, and either → CANCELLED, which never changes again (cancelling twice is
 * fine: it finds the batch and changes nothing else). Whether a batch is done is derived from its items.
 */
const ALLOWED_FROM: Record<BatchStatus, BatchStatus[]> = {
  RUNNING: ["PAUSED"],
  PAUSED: ["RUNNING"],
  CANCELLED: ["RUNNING", "PAUSED", "CANCELLED"],
};

/**
 * The one function that changes a batch's status: one conditional UPDATE that applies only from the states the table
 * allows (a pause racing a cancel never revives a cancelled batch). True when it applied. Pass a transaction's client
 * to make it part of the transaction.
 */
export async function changeBatchStatus(batchId: string, status: BatchStatus, db: Db = defaultDb): Promise<boolean> {
  const { count } = await db.batch.updateMany({
    where: { id: batchId, status: { in: ALLOWED_FROM[status] } },
    data: { status },
  });
  return count > 0;
}
