import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { PUBLISH_QUEUE, queue } from "@/server/queue/boss";

export type PublishJob = { videoId: string };

/**
 * Sets publishedAt, once, on the completed videos whose publish moment has come (one video, or every due one), and on
 * their translations (issue 19: a variant has its source's publishedAt, whatever its own status): one statement, so
 * two workers, a job and the sweep, or a job for a moment since changed, publish it at most once. Returns the ids of
 * the videos it published and of their variants. The change trigger tells every instance and open page, and
 * "Video_outgoing_events" writes video.published to the outgoing webhooks' outbox (docs/triggers.md).
 */
export async function publishDue(videoId: string | null, now = new Date()): Promise<PublishedIds> {
  const [row] = await db.$queryRaw<PublishedIds[]>`
    WITH due AS (
      UPDATE "Video" SET "publishedAt" = ${now}, "updatedAt" = ${now}
      WHERE ${videoId === null ? Prisma.sql`TRUE` : Prisma.sql`"id" = ${videoId}`} AND "sourceVideoId" IS NULL
        AND "status" = 'COMPLETED' AND "publishedAt" IS NULL AND "visibility" IN ('PUBLIC', 'UNLISTED')
        AND ("publishAt" IS NULL OR "publishAt" <= ${now})
      RETURNING "id"
    ), variants AS (
      UPDATE "Video" v SET "publishedAt" = ${now}, "updatedAt" = ${now}
      FROM due WHERE v."sourceVideoId" = due."id" AND v."publishedAt" IS NULL
      RETURNING v."id"
    )
    SELECT ARRAY(SELECT "id" FROM due) AS "videos", ARRAY(SELECT "id" FROM variants) AS "variants"`;
  return row ?? { videos: [], variants: [] };
}

/** What publishDue published: the videos, and their translations with them. */
export type PublishedIds = { videos: string[]; variants: string[] };

/**
 * Queues the video's publish at its moment. The singletonKey names the moment: a changed moment makes a new job, and
 * the old one finds nothing to do. Never fails its caller: the minute's sweep publishes a video whose job was lost.
 */
export async function schedulePublish(videoId: string, publishAt: Date | null): Promise<void> {
  if (!publishAt) return;
  try {
    const boss = await queue();
    await boss.send(PUBLISH_QUEUE, { videoId } satisfies PublishJob, {
      startAfter: publishAt,
      singletonKey: `${videoId}@${publishAt.toISOString()}`,
    });
  } catch (error) {
    logger.warn({ videoId, err: (error as Error).message }, "publish job not queued: the sweep will publish it");
  }
}
