import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { runPrepared } from "@/server/db";
import { statusChangeCtes, type StatusChange } from "@/server/videos/transition";
import { capStored, deliveryInsert, type DeliveryRecord } from "./delivery-log";
import { videoForEventQuery } from "./video-for-event";
import type { HeygenEvent } from "./parse-event";

export type SignedEventOutcome = {
  outcome: "applied" | "unchanged" | "duplicate" | "unknown_video" | "ignored_event" | "needs_check";
  videoId: string | null;
  heygenVideoId: string | null;
};

type Delivery = Pick<DeliveryRecord, "requestId" | "scheme" | "body">;

const NOTHING = Prisma.sql`SELECT NULL::text AS "id" WHERE FALSE`;

/**
 * Applies a verified event in ONE statement: its event id (unique key), the status change and the delivery's log row
 * are written together or not at all. A redelivery, even a concurrent one, waits on the key, finds it taken and
 * changes nothing; a failure leaves none of them, so the answer is a 5xx and HeyGen's retry is applied. Events without
 * an id (legacy) rely on the state machine alone. One prepared statement rather than an interactive transaction: a
 * single round trip, no pooled connection held across the event loop's turns, and a fraction of the CPU.
 */
export async function applySignedEvent(event: HeygenEvent, delivery: Delivery): Promise<SignedEventOutcome> {
  // A translation's event (`check`) changes nothing itself: its variant is found, logged, and asked about (needs_check).
  const change = event.kind === "success" || event.kind === "fail" ? statusChangeOf(event) : null;
  // HeygenEvent rows are kept for good: their text is capped like the log's.
  const [eventId, eventType, heygenVideoId] = [event.eventId, event.eventType, event.videoId].map(capStored);
  const [result] = await runPrepared<{ outcome: SignedEventOutcome["outcome"]; videoId: string | null }>(Prisma.sql`
    WITH new_event AS (
      INSERT INTO "HeygenEvent" ("eventId", "eventType", "heygenVideoId")
      SELECT ${eventId}, ${eventType}, ${heygenVideoId} WHERE ${eventId}::text IS NOT NULL
      ON CONFLICT DO NOTHING
      RETURNING 1
    ),
    first_time AS (SELECT ${eventId}::text IS NULL OR EXISTS (SELECT 1 FROM new_event) AS yes),
    video AS (
      SELECT "id" FROM (${event.kind === "other" ? NOTHING : videoForEventQuery(event)}) AS found
      WHERE (SELECT yes FROM first_time)
    ),
    ${change ? statusChangeCtes(Prisma.sql`(SELECT "id" FROM video)`, change, new Date()) : Prisma.sql`status_change AS (${NOTHING})`},
    decided AS (
      SELECT CASE
          WHEN NOT (SELECT yes FROM first_time) THEN 'duplicate'
          WHEN ${event.kind === "other"} THEN 'ignored_event'
          WHEN NOT EXISTS (SELECT 1 FROM video) THEN 'unknown_video'
          -- A success without a URL (never seen, but possible), or a translation's event: ask HeyGen instead of guessing.
          WHEN ${change === null} THEN 'needs_check'
          WHEN EXISTS (SELECT 1 FROM status_change) THEN 'applied'
          ELSE 'unchanged'
        END AS "outcome",
        (SELECT "id" FROM video) AS "videoId"
    ),
    logged AS (${deliveryInsert({
      ...delivery,
      outcome: Prisma.sql`(SELECT "outcome" FROM decided)`,
      videoId: Prisma.sql`(SELECT "videoId" FROM decided)`,
      eventId: event.eventId,
      eventType: event.eventType,
      heygenVideoId: event.videoId,
    })})
    SELECT "outcome", "videoId" FROM decided`);
  return { outcome: result!.outcome, videoId: result!.videoId, heygenVideoId: event.videoId };
}

function statusChangeOf(event: HeygenEvent): StatusChange | null {
  const heygenVideoId = event.videoId ?? undefined;
  if (event.kind === "fail") {
    return { status: "FAILED", heygenVideoId, error: event.failure ?? "HeyGen reported that the video failed" };
  }
  return event.videoUrl
    ? { status: "COMPLETED", heygenVideoId, media: { videoUrl: event.videoUrl, details: false } }
    : null;
}
