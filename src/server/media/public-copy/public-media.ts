import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { mediaStorage } from "@/server/media/storage";
import { parseStoredMedia, videoKeyPrefix } from "@/server/media/storage/stored-media";

/**
 * Whether a video's stored media belongs at the public location at `now`, in SQL: stored, and viewers may see it (the
 * rule of viewersMaySee in src/lib/visibility.ts: unlisted or public, and its publish moment, if any, has come).
 */
export function belongsPublic(now: Date): Prisma.Sql {
  return Prisma.sql`("status" = 'COMPLETED' AND "storedMedia" IS NOT NULL AND "visibility" IN ('PUBLIC', 'UNLISTED')
    AND ("publishAt" IS NULL OR "publishAt" <= ${now}))`;
}

export type PublicMediaOutcome = "published" | "unpublished";

/**
 * Makes one video's public media copy what its visibility says now: copies its stored files to the public location and
 * then records publicMediaAt, or removes them and then clears it. In that order, so publicMediaAt never names a copy
 * that is not there (the /media route sends viewers to the public URL only while it is set), and a crash between the
 * two leaves a mismatch the sweep sees. The column is written only while the row still says so, so a change that
 * lands meanwhile wins; it queued a job of its own, which runs after this one (one per video at a time).
 */
export async function syncPublicMedia(videoId: string, now = new Date()): Promise<PublicMediaOutcome> {
  const storage = mediaStorage();
  const [row] = await db.$queryRaw<Array<{ storedMedia: unknown; belongs: boolean }>>`
    SELECT "storedMedia", ${belongsPublic(now)} AS "belongs" FROM "Video" WHERE "id" = ${videoId}`;
  const media = row?.belongs ? parseStoredMedia(row.storedMedia) : null;
  if (media) {
    await storage.publish(Object.values(media.files).filter((file) => file !== undefined));
    await db.$executeRaw`
      UPDATE "Video" SET "publicMediaAt" = ${now}
      WHERE "id" = ${videoId} AND "publicMediaAt" IS NULL AND ${belongsPublic(now)}`;
    return "published";
  }
  // Hidden, not stored, or deleted: whatever the column says, nothing of it may stay public (a copy made by a job that
  // died before recording it included).
  await storage.unpublish(videoKeyPrefix(videoId));
  await db.$executeRaw`
    UPDATE "Video" SET "publicMediaAt" = NULL
    WHERE "id" = ${videoId} AND "publicMediaAt" IS NOT NULL AND NOT ${belongsPublic(now)}`;
  return "unpublished";
}
