import "server-only";
import { db } from "@/server/db";
import { buildPayload } from "./payload";

/** Events fanned out per transaction: a month's batch completing at once is handled in a few passes. */
const FAN_OUT_BATCH = 20;
/** Building a pass's bodies reads each video or batch: well within this, even on a busy database. */
const FAN_OUT_TIMEOUT_MS = 30_000;

/**
 * Records `batch.finished` for every batch none of whose items is left to settle (none queued, being sent or
 * rendering: the batch page's "done", src/server/batches/batch-view.ts), once per batch (its dedupe key), whichever
 * instance sees it first. A cancelled batch finishes too, once its sent videos have.
 */
export async function recordFinishedBatches(): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "OutgoingEvent" ("type", "batchId", "dedupeKey", "occurredAt")
    SELECT 'batch.finished', b."id", 'batch.finished:' || b."id", clock_timestamp()
    FROM "Batch" b
    WHERE NOT EXISTS (SELECT 1 FROM "OutgoingEvent" e WHERE e."dedupeKey" = 'batch.finished:' || b."id")
      AND EXISTS (SELECT 1 FROM "BatchItem" i WHERE i."batchId" = b."id")
      AND NOT EXISTS (
        SELECT 1 FROM "BatchItem" i LEFT JOIN "Video" v ON v."id" = i."videoId"
        WHERE i."batchId" = b."id"
          AND (i."status" = 'QUEUED' OR (i."status" = 'SUBMITTING' AND v."id" IS NULL)
               OR (i."status" IN ('SUBMITTING', 'SENT') AND v."status" IN ('PENDING', 'PROCESSING'))))
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

type ClaimedEvent = { id: string; type: string; videoId: string | null; batchId: string | null; occurredAt: Date };

/**
 * Turns the outbox's new events into one message per subscribed, enabled endpoint (unique per endpoint and event),
 * building each event's body once. Events are claimed with SKIP LOCKED, so instances share the work and none is fanned
 * out twice. Returns how many events it took and the new messages' ids, due now.
 */
export async function fanOut(): Promise<{ events: number; messages: string[] }> {
  return db.$transaction(
    async (tx) => {
      const events = await tx.$queryRaw<ClaimedEvent[]>`
      SELECT "id", "type", "videoId", "batchId", "occurredAt" FROM "OutgoingEvent"
      WHERE "fannedOutAt" IS NULL ORDER BY "occurredAt", "id" LIMIT ${FAN_OUT_BATCH} FOR UPDATE SKIP LOCKED`;
      const created: string[] = [];
      for (const event of events) {
        const payload = await buildPayload(event);
        await tx.outgoingEvent.update({ where: { id: event.id }, data: { payload, fannedOutAt: new Date() } });
        const rows = await tx.$queryRaw<Array<{ id: string }>>`
        INSERT INTO "OutgoingMessage" ("id", "endpointId", "eventId", "nextAttemptAt", "updatedAt")
        SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), ep."id", ${event.id}, now(), now()
        FROM "WebhookEndpoint" ep
        WHERE ep."enabled" AND ${event.type} = ANY(ep."events")
        ON CONFLICT ("endpointId", "eventId") DO NOTHING
        RETURNING "id"`;
        created.push(...rows.map((row) => row.id));
      }
      return { events: events.length, messages: created };
    },
    { timeout: FAN_OUT_TIMEOUT_MS },
  );
}
