import "server-only";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { isVideoId } from "@/server/videos/video-id";
import { enqueueMediaCopies } from "@/server/queue/media-copy-jobs";

/**
 * An admin's Retry of a video's copy: its attempts, error and give-up are cleared (one conditional UPDATE, only while
 * it is COMPLETED and not stored) and a copy is enqueued. 404 for no such video, 409 when there is nothing to copy.
 */
export async function retryMediaCopy(videoId: string): Promise<void> {
  if (!(isVideoId(videoId) && (await clearCopyAttempts(videoId)))) throw await whyNot(videoId);
  await enqueueMediaCopies([videoId]);
}

/** A fresh start for a video's copy (attempts, error, give-up cleared); false when it is not COMPLETED or is stored. */
export async function clearCopyAttempts(videoId: string): Promise<boolean> {
  const cleared = await db.$executeRaw`
    UPDATE "Video" SET "mediaCopyAttempts" = 0, "mediaCopyError" = NULL, "mediaCopyFailedAt" = NULL
    WHERE "id" = ${videoId} AND "status" = 'COMPLETED' AND "storedMedia" IS NULL`;
  return cleared === 1;
}

async function whyNot(videoId: string): Promise<AppError> {
  const video = isVideoId(videoId)
    ? await db.video.findUnique({ where: { id: videoId }, select: { status: true } })
    : null;
  if (!video) return new AppError("not_found", "No video with this id.");
  if (video.status !== "COMPLETED") {
    return new AppError("conflict", "Only a completed video's media can be copied: this one is not completed.");
  }
  return new AppError("conflict", "This video's media is already stored.");
}
