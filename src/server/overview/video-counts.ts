import "server-only";
import { costOfSeconds } from "@/lib/cost";
import type { PeriodFigures, StatusCounts, VideoFigures } from "@/lib/overview";
import { STATUS_LABELS, type VideoStatus } from "@/lib/video";
import { db } from "@/server/db";

type Row = {
  status: VideoStatus;
  allTime: number;
  today: number;
  secondsAllTime: number;
  secondsToday: number;
  oldestId: string | null;
  oldestTitle: string | null;
  oldestCreatedAt: Date | null;
};

const UNFINISHED: VideoStatus[] = ["PENDING", "PROCESSING"];

/**
 * Videos by status created today (since `todayStartedAt`) and ever, the seconds rendered and the oldest unfinished
 * video, in one statement: one GROUP BY with FILTERs, plus the oldest row of each unfinished status, read from the
 * (status, createdAt) index.
 */
export async function videoCounts(todayStartedAt: Date): Promise<Omit<VideoFigures, "typicalRenderSeconds">> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT counts.*, oldest."id" AS "oldestId", oldest."title" AS "oldestTitle", oldest."createdAt" AS "oldestCreatedAt"
    FROM (
      SELECT "status",
        count(*)::int AS "allTime",
        count(*) FILTER (WHERE "createdAt" >= ${todayStartedAt})::int AS "today",
        coalesce(sum("duration"), 0)::float8 AS "secondsAllTime",
        coalesce(sum("duration") FILTER (WHERE "createdAt" >= ${todayStartedAt}), 0)::float8 AS "secondsToday"
      FROM "Video"
      GROUP BY "status"
    ) AS counts
    LEFT JOIN LATERAL (
      SELECT "id", "title", "createdAt" FROM "Video"
      WHERE "Video"."status" = counts."status" AND counts."status" IN ('PENDING', 'PROCESSING')
      ORDER BY "createdAt"
      LIMIT 1
    ) AS oldest ON TRUE`;

  const unfinished = rows.filter((row) => UNFINISHED.includes(row.status));
  const oldest = unfinished
    .filter((row) => row.oldestCreatedAt !== null)
    .sort((a, b) => a.oldestCreatedAt!.getTime() - b.oldestCreatedAt!.getTime())[0];
  return {
    today: period(rows, "today", "secondsToday"),
    allTime: period(rows, "allTime", "secondsAllTime"),
    inProgress: {
      count: unfinished.reduce((sum, row) => sum + row.allTime, 0),
      oldest: oldest
        ? { id: oldest.oldestId!, title: oldest.oldestTitle!, createdAt: oldest.oldestCreatedAt!.toISOString() }
        : null,
    },
  };
}

function period(rows: Row[], count: "today" | "allTime", seconds: "secondsToday" | "secondsAllTime"): PeriodFigures {
  const counts = Object.fromEntries(Object.keys(STATUS_LABELS).map((status) => [status, 0])) as StatusCounts;
  for (const row of rows) counts[row.status] = row[count];
  // Output is what completed renders produced (HeyGen reports a duration with the finished video).
  const renderedSeconds = rows.find((row) => row.status === "COMPLETED")?.[seconds] ?? 0;
  return { counts, renderedSeconds, costUsd: costOfSeconds(renderedSeconds) };
}
