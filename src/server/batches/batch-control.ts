import "server-only";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { changeBatchStatus } from "./batch-status";
import { changeItemStatus } from "./item-status";
import { enqueueItems } from "./queue";

type ControlResult = { status: "running" | "paused" | "cancelled" };

const notFound = () => new AppError("not_found", "No batch with this id.");
const cancelled = () =>
  new AppError("conflict", "This batch was cancelled: start a new one to make what is still missing.");

/** Nothing more is sent until it is resumed (a video being sent right now still goes). */
export async function pauseBatch(id: string): Promise<ControlResult> {
  const batch = await db.batch.findUnique({ where: { id }, select: { status: true } });
  if (!batch) throw notFound();
  if (batch.status === "CANCELLED") throw cancelled();
  await changeBatchStatus(id, "PAUSED");
  return { status: "paused" };
}

/** Sends its queued items again, each in its turn. */
export async function resumeBatch(id: string): Promise<ControlResult> {
  const batch = await db.batch.findUnique({ where: { id }, select: { status: true } });
  if (!batch) throw notFound();
  if (batch.status === "CANCELLED") throw cancelled();
  await changeBatchStatus(id, "RUNNING");
  const queued = await db.batchItem.findMany({
    where: { batchId: id, status: "QUEUED" },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  await enqueueItems(queued.map((item) => item.id));
  return { status: "running" };
}

/** Cancels the items not sent yet (their pairs count as missing again); sent ones finish. Cancelling twice is fine. */
export async function cancelBatch(id: string): Promise<ControlResult> {
  const found = await db.$transaction(async (tx) => {
    if (!(await changeBatchStatus(id, "CANCELLED", tx))) return false;
    await changeItemStatus({ batchId: id }, { status: "CANCELLED" }, tx);
    return true;
  });
  if (!found) throw notFound();
  return { status: "cancelled" };
}
