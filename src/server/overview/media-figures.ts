import "server-only";
import type { MediaFigures } from "@/lib/overview";
import { db } from "@/server/db";
import { env } from "@/server/env";

type Row = { stored: number; bytes: number; copying: number; failed: number };

/**
 * Our copies of finished videos (issue 17), in one statement: how many are stored and their bytes (every file of
 * storedMedia added up), how many are being copied, and how many copies were given up on. The states are
 * mediaCopyState's (src/lib/media-copy-state.ts); only completed videos are read, through the (status, …) index. A
 * malformed storedMedia (never written by the copy job) adds no bytes rather than failing the page.
 */
export async function mediaFigures(): Promise<MediaFigures> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT
      count(*) FILTER (WHERE "storedMedia" IS NOT NULL)::int AS "stored",
      coalesce(sum((
        SELECT sum((file ->> 'bytes')::numeric) FILTER (WHERE jsonb_typeof(file -> 'bytes') = 'number')
        FROM jsonb_each(CASE WHEN jsonb_typeof("storedMedia" -> 'files') = 'object' THEN "storedMedia" -> 'files' END)
          AS files(kind, file)
      )), 0)::float8 AS "bytes",
      count(*) FILTER (WHERE "storedMedia" IS NULL AND "mediaCopyFailedAt" IS NULL)::int AS "copying",
      count(*) FILTER (WHERE "storedMedia" IS NULL AND "mediaCopyFailedAt" IS NOT NULL)::int AS "failed"
    FROM "Video"
    WHERE "status" = 'COMPLETED'`;
  return {
    storage: env.MEDIA_STORAGE,
    bucket: env.MEDIA_STORAGE === "s3" ? (env.S3_BUCKET ?? null) : null,
    stored: { count: row?.stored ?? 0, bytes: row?.bytes ?? 0 },
    copying: row?.copying ?? 0,
    failed: row?.failed ?? 0,
  };
}
