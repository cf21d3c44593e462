import "server-only";
import { Prisma, type Video } from "@/generated/prisma/client";
import type { VideoVisibility } from "@/generated/prisma/enums";
import { db as defaultDb, type Db } from "@/server/db";
import { enqueuePublicMediaSyncsQuietly } from "@/server/queue/public-media-jobs";

/** Why a translation's visibility cannot be changed on its own (a 409's message, in an admin's words). */
export const TRANSLATION_FOLLOWS_SOURCE =
  "This is a translation: it is shown, hidden and published with its source video. Change the source's instead.";

/** What an admin sets: who may see the video, and from when (null: as soon as it is ready). */
export type VisibilityChange = { visibility: VideoVisibility; publishAt: Date | null };

/** A review's decision on a draft (src/server/review/): recorded with the change it makes, in the same UPDATE. */
export type ReviewDecision = { kind: "approve" } | { kind: "reject"; reason: string };

type ChangeOptions = { db?: Db; now?: Date; decision?: ReviewDecision };

/**
 * The SQL value of "publishedAt" in an UPDATE that may make a completed video visible to viewers: now, the first time
 * it is (the same rule as viewersMaySee in src/lib/visibility.ts, on `visibility` and `publishAt` as they will be);
 * else what the row has (null until the scheduled publish job finds its moment). Set once: never moved later.
 */
export function publishedAtOnceVisible(visibility: Prisma.Sql, publishAt: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`CASE WHEN "publishedAt" IS NULL AND ${visibility} IN ('PUBLIC', 'UNLISTED')
    AND (${publishAt} IS NULL OR ${publishAt} <= ${now}) THEN ${now}::timestamp(3) ELSE "publishedAt" END`;
}

/** The columns a review decision writes, and the row it needs: a ready draft nobody rejected. */
function decisionSql(decision: ReviewDecision | undefined, now: Date) {
  if (!decision) return { set: Prisma.empty, where: Prisma.empty };
  const where = Prisma.sql`AND "visibility" = 'DRAFT' AND "status" = 'COMPLETED' AND "rejectedAt" IS NULL`;
  const set =
    decision.kind === "approve"
      ? Prisma.sql`, "approvedAt" = ${now}`
      : Prisma.sql`, "rejectedAt" = ${now}, "rejectionReason" = ${decision.reason}`;
  return { set, where };
}

/**
 * The one function that changes a video's visibility and publish moment, as one statement: a completed video that
 * becomes visible at once gets its publishedAt then; one scheduled or not yet ready keeps it null for the scheduler
 * or its completion (src/server/videos/transition.ts). Its translations (issue 19: variants, sourceVideoId) take the
 * same visibility, publishAt and publishedAt in the same statement: a variant is seen exactly when its source is, so
 * every viewer gate treats it as any video. A variant is never changed on its own (null, as for no such video). With
 * a review decision, it changes only a ready draft nobody rejected, and records the decision with it. Null when there
 * is no such video (or, with a decision, it is not a ready draft). The change trigger tells every instance and open
 * page, "Video_outgoing_events" announces a first publication as video.published (docs/triggers.md), and a job makes
 * the public media copy of the video and of each variant follow (src/server/media/public-copy/; with a transaction as
 * `db`, the sweep may be what does it).
 */
export async function changeVisibility(
  videoId: string,
  change: VisibilityChange,
  { db = defaultDb, now = new Date(), decision }: ChangeOptions = {},
): Promise<Video | null> {
  const visibility = Prisma.sql`${change.visibility}::"VideoVisibility"`;
  const publishAt = Prisma.sql`${change.publishAt}::timestamp(3)`;
  const review = decisionSql(decision, now);
  const [row] = await db.$queryRaw<Array<Video & { variantIds: string[] }>>`
    WITH changed AS (
      UPDATE "Video" SET "visibility" = ${visibility}, "publishAt" = ${publishAt}, "updatedAt" = ${now},
        "publishedAt" = CASE WHEN "status" = 'COMPLETED' THEN ${publishedAtOnceVisible(visibility, publishAt, now)}
          ELSE "publishedAt" END ${review.set}
      WHERE "id" = ${videoId} AND "sourceVideoId" IS NULL ${review.where}
      RETURNING *
    ), variants AS (
      UPDATE "Video" v SET "visibility" = s."visibility", "publishAt" = s."publishAt",
        "publishedAt" = s."publishedAt", "updatedAt" = ${now}
      FROM changed s WHERE v."sourceVideoId" = s."id"
      RETURNING v."id"
    )
    SELECT changed.*, ARRAY(SELECT "id" FROM variants) AS "variantIds" FROM changed`;
  if (!row) return null;
  const { variantIds, ...video } = row;
  await enqueuePublicMediaSyncsQuietly([videoId, ...variantIds]);
  return video;
}

/** The ids of a video's translations (issue 19): what a change of its visibility or publication also moves. */
export async function variantIdsOf(videoId: string, db: Db = defaultDb): Promise<string[]> {
  const rows = await db.video.findMany({ where: { sourceVideoId: videoId }, select: { id: true } });
  return rows.map((variant) => variant.id);
}
