import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { DeliveryScheme } from "./signature";
import { pruneTurnedAway } from "./turned-away";

export type DeliveryRecord = {
  requestId: string | null;
  scheme: DeliveryScheme | "events_api";
  outcome: string;
  eventId?: string | null;
  eventType?: string | null;
  heygenVideoId?: string | null;
  videoId?: string | null;
  detail?: string | null;
  /** The raw body: verified deliveries only (an unverified one may be anything, from anyone). */
  body?: string | null;
};

/** How long the delivery log keeps its rows (and the per-minute counts of posts it does not store). */
export const DELIVERY_LOG_DAYS = 30;

/**
 * The most characters a text field of the log (and of HeygenEvent) keeps. Longer values are cut, ending in
 * TRUNCATED_MARK, rather than refused: a signed event with an odd field is still HeyGen's event and must apply.
 * The raw body of a verified delivery is kept whole (64 KiB at most): it is what HeyGen signed, and only verified
 * deliveries have one.
 */
export const STORED_FIELD_MAX_CHARS = 200;
const TRUNCATED_MARK = "…";

/** A text value as stored: at most STORED_FIELD_MAX_CHARS characters (code points, never half a pair). */
export function capStored<T extends string | null | undefined>(value: T): T {
  if (typeof value !== "string" || value.length <= STORED_FIELD_MAX_CHARS) return value;
  const chars = Array.from(value);
  if (chars.length <= STORED_FIELD_MAX_CHARS) return value;
  return (chars.slice(0, STORED_FIELD_MAX_CHARS - TRUNCATED_MARK.length).join("") + TRUNCATED_MARK) as T;
}

/** Records a delivery. */
export async function recordDelivery(record: DeliveryRecord): Promise<void> {
  await db.$executeRaw`${deliveryInsert(record)}`;
}

/** A value, or SQL that computes it within the same statement. */
type Computed<T> = T | Prisma.Sql;

/**
 * The INSERT of one log row, raw SQL as it runs for every webhook; `outcome` and `videoId` may be computed by the
 * statement it is part of (the signed webhook's). Its id is a random UUID: Prisma's cuid default is the query
 * builder's, not the database's.
 */
export function deliveryInsert(
  record: Omit<DeliveryRecord, "outcome" | "videoId"> & {
    outcome: Computed<string>;
    videoId?: Computed<string | null>;
  },
): Prisma.Sql {
  const { requestId, scheme, outcome, videoId, body } = record;
  const [eventId, eventType, heygenVideoId, detail] = [
    record.eventId,
    record.eventType,
    record.heygenVideoId,
    record.detail,
  ].map((value) => capStored(value ?? null));
  return Prisma.sql`
    INSERT INTO "WebhookDelivery" ("id", "requestId", "scheme", "outcome", "eventId", "eventType", "heygenVideoId", "videoId", "detail", "body")
    VALUES (${randomUUID()}, ${capStored(requestId)}, ${scheme}, ${outcome}, ${eventId}, ${eventType}, ${heygenVideoId},
            ${videoId ?? null}, ${detail}, ${body ?? null})`;
}

/** Deletes log rows and per-minute counts older than DELIVERY_LOG_DAYS; returns how many rows. */
export async function pruneDeliveryLog(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - DELIVERY_LOG_DAYS * 24 * 3600 * 1000);
  const { count } = await db.webhookDelivery.deleteMany({ where: { receivedAt: { lt: before } } });
  return count + (await pruneTurnedAway(before));
}

/** A video's deliveries, newest first, as the admin sees them on its page (no bodies). */
export function listDeliveries(videoId: string, take = 50) {
  return db.webhookDelivery.findMany({
    where: { videoId },
    orderBy: { receivedAt: "desc" },
    take,
    select: { id: true, receivedAt: true, scheme: true, eventId: true, eventType: true, outcome: true, detail: true },
  });
}
