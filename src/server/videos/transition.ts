import "server-only";
import { Prisma, type Video } from "@/generated/prisma/client";
import type { VideoStatus } from "@/generated/prisma/enums";
import { db as defaultDb, type Db } from "@/server/db";
import { mediaExpiry } from "./media-expiry";

/**
 * The video state machine: PENDING → PROCESSING → COMPLETED | FAILED, and PENDING → COMPLETED | FAILED
 * (a webhook can overtake our own bookkeeping). Terminal states never change.
 */
const ALLOWED_FROM: Record<VideoStatus, VideoStatus[]> = {
  PENDING: [],
  PROCESSING: ["PENDING"],
  COMPLETED: ["PENDING", "PROCESSING"],
  FAILED: ["PENDING", "PROCESSING"],
};

export type StatusChange =
  | { status: "PROCESSING"; heygenVideoId: string }
  | {
      status: "COMPLETED";
      heygenVideoId?: string;
      videoUrl: string;
      thumbnailUrl?: string | null;
      subtitleUrl?: string | null;
      duration?: number | null;
    }
  | { status: "FAILED"; heygenVideoId?: string; error: string };

export type TransitionResult = { applied: boolean; video: Video | null };

/**
 * The one function that changes a video's status. It applies the change only if the state machine allows it,
 * as one conditional UPDATE, so concurrent or repeated events (duplicate webhooks, a webhook racing the
 * generate request, a reconciliation) apply at most once. A change naming a HeyGen id applies only to the row
 * tied to that id (or to no id yet). Pass a transaction's client to make it part of the transaction.
 */
export async function applyStatusChange(
  videoId: string,
  change: StatusChange,
  db: Db = defaultDb,
): Promise<TransitionResult> {
  if (change.heygenVideoId) await rememberHeygenVideoId(db, videoId, change.heygenVideoId);
  const now = new Date();
  const data =
    change.status === "PROCESSING"
      ? { status: change.status }
      : change.status === "COMPLETED"
        ? {
            status: change.status,
            videoUrl: change.videoUrl,
            thumbnailUrl: change.thumbnailUrl ?? undefined,
            subtitleUrl: change.subtitleUrl ?? undefined,
            duration: change.duration ?? undefined,
            mediaExpiresAt: mediaExpiry([change.videoUrl, change.thumbnailUrl, change.subtitleUrl], now),
            error: null,
            completedAt: now,
          }
        : { status: change.status, error: change.error, completedAt: now };

  // One round trip when it applies (UPDATE ... RETURNING); the row is read again only when it does not.
  const [updated] = await db.video.updateManyAndReturn({
    where: {
      id: videoId,
      status: { in: ALLOWED_FROM[change.status] },
      ...(change.heygenVideoId ? { heygenVideoId: change.heygenVideoId } : {}),
    },
    data,
  });
  if (updated) return { applied: true, video: updated };
  return { applied: false, video: await db.video.findUnique({ where: { id: videoId } }) };
}

/**
 * Records HeyGen's id on a row that has none yet, whatever its status (the webhook may have completed the
 * video, matched by callback_id, before the generate request stored the id). Knowing HeyGen's id confirms a
 * job whose create answer was lost.
 */
async function rememberHeygenVideoId(db: Db, videoId: string, heygenVideoId: string): Promise<void> {
  // One statement, and a no-op for the usual row that already has its id. The NOT EXISTS keeps a unique
  // violation (which would abort the caller's transaction) out of all but a true race between two rows.
  try {
    await db.$executeRaw`
      UPDATE "Video" SET "heygenVideoId" = ${heygenVideoId}, "unconfirmedReason" = NULL, "updatedAt" = now()
      WHERE "id" = ${videoId} AND "heygenVideoId" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "Video" WHERE "heygenVideoId" = ${heygenVideoId})`;
  } catch (error) {
    // Another row took this HeyGen id meanwhile: keep the first owner; the status UPDATE then matches nothing.
    if (!isUniqueViolation(error)) throw error;
  }
}

/** A unique constraint refused the write (P2002 from the query builder, SQLSTATE 23505 from raw SQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return error.code === "P2002" || (error.code === "P2010" && /23505|unique/i.test(JSON.stringify(error.meta ?? {}) + error.message));
}
