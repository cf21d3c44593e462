import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import type { DeliveryScheme } from "./signature";

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

/** How long the delivery log keeps its rows. */
export const DELIVERY_LOG_DAYS = 30;

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
  const { requestId, scheme, outcome, eventId, eventType, heygenVideoId, videoId, detail, body } = record;
  return Prisma.sql`
    INSERT INTO "WebhookDelivery" ("id", "requestId", "scheme", "outcome", "eventId", "eventType", "heygenVideoId", "videoId", "detail", "body")
    VALUES (${randomUUID()}, ${requestId}, ${scheme}, ${outcome}, ${eventId ?? null}, ${eventType ?? null}, ${heygenVideoId ?? null},
            ${videoId ?? null}, ${detail ?? null}, ${body ?? null})`;
}

/**
 * Records a refused delivery, best effort: the answer is a refusal whether or not the database takes the row,
 * and a refusal is never an acknowledgement.
 */
export async function recordRefusal(record: Omit<DeliveryRecord, "outcome" | "body">): Promise<void> {
  try {
    await recordDelivery({ ...record, outcome: "rejected" });
  } catch (error) {
    logger.warn(
      { err: (error as Error).message, detail: record.detail },
      "could not record a refused webhook delivery",
    );
  }
}

/** Deletes log rows older than DELIVERY_LOG_DAYS; returns how many. */
export async function pruneDeliveryLog(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - DELIVERY_LOG_DAYS * 24 * 3600 * 1000);
  const { count } = await db.webhookDelivery.deleteMany({ where: { receivedAt: { lt: before } } });
  return count;
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
