import "server-only";
import { Prisma, type Video } from "@/generated/prisma/client";
import type { VideoStatus } from "@/generated/prisma/enums";
import { db } from "@/server/db";

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
      duration?: number | null;
    }
  | { status: "FAILED"; heygenVideoId?: string; error: string };

export type TransitionResult = { applied: boolean; video: Video | null };

/**
 * Applies a status change if the state machine allows it, as one conditional UPDATE, so concurrent
 * or repeated events (duplicate webhooks, a webhook racing the generate request) apply at most once.
 */
export async function applyStatusChange(videoId: string, change: StatusChange): Promise<TransitionResult> {
  if (change.heygenVideoId) await rememberHeygenVideoId(videoId, change.heygenVideoId);
  const now = new Date();
  const data =
    change.status === "PROCESSING"
      ? { status: change.status }
      : change.status === "COMPLETED"
        ? {
            status: change.status,
            videoUrl: change.videoUrl,
            thumbnailUrl: change.thumbnailUrl ?? undefined,
            duration: change.duration ?? undefined,
            error: null,
            completedAt: now,
          }
        : { status: change.status, error: change.error, completedAt: now };

  const { count } = await db.video.updateMany({
    where: { id: videoId, status: { in: ALLOWED_FROM[change.status] } },
    data,
  });
  const video = await db.video.findUnique({ where: { id: videoId } });
  return { applied: count === 1, video };
}

/**
 * Records HeyGen's id on a row that does not have one yet, whatever its status: the webhook may have
 * completed the video (matched by callback_id) before the generate request stored the id.
 */
async function rememberHeygenVideoId(videoId: string, heygenVideoId: string): Promise<void> {
  try {
    await db.video.updateMany({ where: { id: videoId, heygenVideoId: null }, data: { heygenVideoId } });
  } catch (error) {
    // Another row already owns this HeyGen id: keep the first owner, change nothing here.
    if (isUniqueViolation(error)) return;
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
