import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { BatchPreview, BatchRequest, BatchSelection, BatchTriggerResult } from "@/lib/batch";
import { costOfSeconds, spokenSeconds } from "@/lib/cost";
import { storedOptions } from "@/lib/generation-options";
import { db } from "@/server/db";
import { dateToDay } from "@/server/plan/preview-plan";
import { heygenApiKey, heygenNotConfigured } from "@/server/settings/credentials";
import { enqueueItems } from "./queue";
import { liveKeyOf, missingPairs, selectPairs } from "./select-pairs";

/** What a selection would make now, and its estimated spoken length and cost, before anything is queued. */
export async function previewBatch(selection: BatchSelection): Promise<BatchPreview> {
  const { pairs, errors } = await selectPairs(selection);
  const missing = await missingPairs(pairs);
  const seconds = missing.reduce(
    (sum, { script, presenter }) => sum + spokenSeconds(script.script, storedOptions(presenter.options).voiceSpeed),
    0,
  );
  return {
    missing: missing.length,
    seconds,
    costUsd: costOfSeconds(seconds),
    skipped: pairs.length - missing.length,
    errors,
    videos: missing.map(({ script, presenter }) => ({
      planScriptId: script.id,
      presenterId: presenter.id,
      date: dateToDay(script.date),
      title: script.title,
      presenterName: presenter.name,
    })),
  };
}

/**
 * Queues every missing pair of the selection as one batch, reviewed (drafts until approved) or not (public at their
 * plan moments) as the request says. The pairs' unique live key decides between triggers racing each other (two
 * tabs, two admins, a retried automation call): each pair is inserted by one of them at most (ON CONFLICT DO
 * NOTHING), and a trigger that inserted nothing leaves no batch behind.
 */
export async function triggerBatch(
  { review, ...selection }: BatchRequest,
  requestedBy: "admin" | "api",
): Promise<BatchTriggerResult> {
  // As for one video: nothing is queued that could not be sent.
  if (!(await heygenApiKey())) throw heygenNotConfigured();
  const { pairs, errors } = await selectPairs(selection);
  const candidates = await missingPairs(pairs);
  if (candidates.length === 0) return { batchId: null, queued: 0, skipped: pairs.length, errors };

  const queued = await db.$transaction(async (tx) => {
    const batch = await tx.batch.create({
      data: {
        month: selection.month,
        tag: selection.tag ?? null,
        presenterIds: selection.presenterIds ?? [],
        requestedBy,
        review,
      },
    });
    const rows = candidates.map(
      ({ script, presenter }) =>
        Prisma.sql`(${randomUUID()}, ${batch.id}, ${script.id}, ${presenter.id}, ${liveKeyOf(script.id, presenter.id)}, now())`,
    );
    // Trigger "BatchItem_release_key" (docs/triggers.md) runs on insert too: a QUEUED item keeps its key.
    const inserted = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "BatchItem" ("id", "batchId", "planScriptId", "presenterId", "liveKey", "updatedAt")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("liveKey") DO NOTHING
      RETURNING "id"`;
    if (inserted.length === 0) await tx.batch.delete({ where: { id: batch.id } });
    return { batchId: inserted.length ? batch.id : null, itemIds: inserted.map((row) => row.id) };
  });

  // After the commit: a job for an item that is not there yet would find nothing. Should this process die right
  // here, the queue's sweep (every minute) enqueues the batch's items.
  await enqueueItems(queued.itemIds);
  return {
    batchId: queued.batchId,
    queued: queued.itemIds.length,
    skipped: pairs.length - queued.itemIds.length,
    errors,
  };
}
