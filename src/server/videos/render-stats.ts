import "server-only";
import { db } from "@/server/db";

/** The typical render time is the median over this many of the latest completed videos. */
const RECENT_RENDERS = 50;
/** A figure a minute old is as good as a fresh one, and spares the database a query per watch page. */
const CACHE_MS = 60_000;

let cached: { seconds: number | null; until: number } | null = null;
let inFlight: Promise<number | null> | null = null;

/**
 * Median seconds from creation to completion of recent renders, for "usually about 2 min" on a rendering video's
 * page; null before any video completed. Cached in the process for a minute, one query at a time.
 */
export function typicalRenderSeconds(): Promise<number | null> {
  if (cached && cached.until > Date.now()) return Promise.resolve(cached.seconds);
  inFlight ??= medianOfRecentRenders()
    .then((seconds) => {
      cached = { seconds, until: Date.now() + CACHE_MS };
      return seconds;
    })
    .finally(() => (inFlight = null));
  return inFlight;
}

async function medianOfRecentRenders(): Promise<number | null> {
  const [row] = await db.$queryRaw<Array<{ seconds: number | null }>>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM "completedAt" - "createdAt")::float8) AS seconds
    FROM (
      SELECT "createdAt", "completedAt" FROM "Video"
      WHERE status = 'COMPLETED' AND "completedAt" IS NOT NULL
      ORDER BY "completedAt" DESC
      LIMIT ${RECENT_RENDERS}
    ) AS recent`;
  return row?.seconds ?? null;
}
