import "server-only";

import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { FRESH_MARGIN_MS } from "@/server/media/fresh-media";
import { mediaStorage } from "@/server/media/storage";
import { parseStoredMedia, videoKeyPrefix, type StoredMedia } from "@/server/media/storage/stored-media";
import { enqueuePublicMediaSync } from "@/server/queue/public-media-jobs";
import { claimAndSync } from "@/server/sync/ask-heygen";
import { CopyFailure } from "./copy-failure";
import { copyFiles, type SourceUrls } from "./copy-files";

/** Attempts at copying one video before it shows as "stored: failed" to admins (who may Retry). */
export const MEDIA_COPY_MAX_ATTEMPTS = 8;

export type CopyOutcome =
  | { kind: "stored"; media: StoredMedia }
  /** Nothing to do: deleted, not completed, already stored, or given up (until an admin retries). */
  | { kind: "skipped"; reason: "gone" | "not_completed" | "already_stored" | "given_up" }
  /** Another worker stored the same video first; its files are kept, this attempt's own extra ones removed. */
  | { kind: "lost_race" }
  /** This attempt failed and another may succeed: the queue tries again later. */
  | { kind: "retry"; reason: string }
  /** Given up: mediaCopyFailedAt and mediaCopyError are set. */
  | { kind: "failed"; reason: string };

/**
 * Copies one completed video's media from HeyGen to our storage, once: the attempt is counted first (only while the
 * video is COMPLETED, not stored and not given up), HeyGen's URLs are refreshed through the sync path when they may
 * have failed or be expiring, the files are streamed to storage, and one conditional UPDATE records them only if the
 * row is still COMPLETED and not yet stored, so of two workers racing exactly one writes.
 */
export async function copyVideoMedia(videoId: string): Promise<CopyOutcome> {
  const attempt = await countAttempt(videoId);
  if (attempt === null) return { kind: "skipped", reason: await whyNothingToDo(videoId) };
  try {
    const source = await usableSource(videoId, attempt);
    if (!source) return { kind: "skipped", reason: "gone" };
    return await recordStored(videoId, await copyFiles(videoId, source));
  } catch (error) {
    return recordFailure(videoId, attempt, error);
  }
}

/** Counts an attempt, returning its number, or null when there is nothing to copy. */
async function countAttempt(videoId: string): Promise<number | null> {
  const [row] = await db.$queryRaw<Array<{ attempts: number }>>`
    UPDATE "Video" SET "mediaCopyAttempts" = "mediaCopyAttempts" + 1
    WHERE "id" = ${videoId} AND "status" = 'COMPLETED' AND "storedMedia" IS NULL AND "mediaCopyFailedAt" IS NULL
    RETURNING "mediaCopyAttempts" AS "attempts"`;
  return row?.attempts ?? null;
}

async function whyNothingToDo(videoId: string) {
  const row = await db.video.findUnique({ where: { id: videoId }, select: { status: true, mediaStoredAt: true } });
  if (!row) return "gone";
  if (row.status !== "COMPLETED") return "not_completed";
  return row.mediaStoredAt ? "already_stored" : "given_up";
}

/**
 * HeyGen's URLs for the video, good for the copy: asked afresh (GET /v3/videos/{id}, through the sync path's claim)
 * after a failed attempt, when they expire within the hour, or when the render details (poster, captions) have not
 * landed yet. Null when the video is gone.
 */
async function usableSource(videoId: string, attempt: number): Promise<SourceUrls | null> {
  const read = () => db.video.findUnique({ where: { id: videoId } });
  let row = await read();
  const expiresSoon = !row?.mediaExpiresAt || row.mediaExpiresAt.getTime() < Date.now() + FRESH_MARGIN_MS;
  if (row && (attempt > 1 || expiresSoon || !row.detailsAt)) {
    await claimAndSync(videoId);
    row = await read();
  }
  if (!row) return null;
  if (!row.videoUrl) throw new CopyFailure("HeyGen has given no video URL for this video.", true);
  if (!row.detailsAt) throw new CopyFailure("HeyGen has not given the video's poster and captions yet.", true);
  return { videoUrl: row.videoUrl, thumbnailUrl: row.thumbnailUrl, subtitleUrl: row.subtitleUrl };
}

/** The one write of a copy: only if the row is still COMPLETED and not stored (exactly once across instances). */
async function recordStored(videoId: string, media: StoredMedia): Promise<CopyOutcome> {
  const written = await db.$executeRaw`
    UPDATE "Video" SET "storedMedia" = ${JSON.stringify(media)}::jsonb, "mediaStoredAt" = ${new Date()},
      "mediaCopyError" = NULL, "mediaCopyFailedAt" = NULL
    WHERE "id" = ${videoId} AND "status" = 'COMPLETED' AND "storedMedia" IS NULL`;
  if (written === 1) {
    // Viewers may already see it: its files go to the public location too (src/server/media/public-copy/).
    await enqueuePublicMediaSync(videoId);
    return { kind: "stored", media };
  }
  const row = await db.video.findUnique({ where: { id: videoId }, select: { storedMedia: true } });
  const storage = mediaStorage();
  // Deleted meanwhile: nothing may keep its files.
  if (!row) {
    await storage.removeAll(videoKeyPrefix(videoId));
    return { kind: "skipped", reason: "gone" };
  }
  // Keys are content-addressed: the winner's files may be this attempt's very keys, which must stay.
  const kept = new Set(Object.values(parseStoredMedia(row.storedMedia)?.files ?? {}).map((file) => file?.key));
  for (const file of Object.values(media.files)) {
    if (file && !kept.has(file.key)) await storage.removeAll(file.key);
  }
  return { kind: "lost_race" };
}

/** Records why the attempt failed; gives up when no retry can help or the attempts are spent. */
async function recordFailure(videoId: string, attempt: number, error: unknown): Promise<CopyOutcome> {
  const failure = error instanceof CopyFailure ? error : null;
  if (!failure) logger.error({ videoId, attempt, err: (error as Error).message }, "media copy failed unexpectedly");
  else logger.warn({ videoId, attempt, err: failure.message, retry: failure.retry }, "media copy attempt failed");
  const reason = failure?.message ?? "The copy failed unexpectedly (the server log has the detail).";
  const giveUp = (failure && !failure.retry) || attempt >= MEDIA_COPY_MAX_ATTEMPTS;
  const message =
    giveUp && attempt >= MEDIA_COPY_MAX_ATTEMPTS ? `${reason} (gave up after ${attempt} attempts)` : reason;
  await db.$executeRaw`
    UPDATE "Video" SET "mediaCopyError" = ${message},
      "mediaCopyFailedAt" = ${giveUp ? new Date() : null}::timestamp
    WHERE "id" = ${videoId} AND "storedMedia" IS NULL`;
  return giveUp ? { kind: "failed", reason: message } : { kind: "retry", reason };
}
