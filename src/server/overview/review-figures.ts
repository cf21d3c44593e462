import "server-only";
import type { ReviewFigures } from "@/lib/overview";
import { db } from "@/server/db";

/**
 * The review queue's size (ready drafts nobody decided on, as approveVideo requires them) and what is scheduled
 * (public or unlisted, its moment to come, as isScheduled in src/lib/visibility.ts says), in one statement.
 */
export async function reviewFigures(now: Date): Promise<ReviewFigures> {
  const [row] = await db.$queryRaw<Array<{ awaitingReview: number; scheduled: number; nextPublishAt: Date | null }>>`
    SELECT
      count(*) FILTER (WHERE "visibility" = 'DRAFT' AND "status" = 'COMPLETED' AND "rejectedAt" IS NULL)::int
        AS "awaitingReview",
      count(*) FILTER (WHERE "visibility" IN ('PUBLIC', 'UNLISTED') AND "publishAt" > ${now})::int AS "scheduled",
      min("publishAt") FILTER (WHERE "visibility" IN ('PUBLIC', 'UNLISTED') AND "publishAt" > ${now}) AS "nextPublishAt"
    FROM "Video"
    WHERE "visibility" = 'DRAFT' OR "publishAt" > ${now}`;
  return {
    awaitingReview: row?.awaitingReview ?? 0,
    scheduled: row?.scheduled ?? 0,
    nextPublishAt: row?.nextPublishAt?.toISOString() ?? null,
  };
}
