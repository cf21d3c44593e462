import "server-only";
import { db } from "@/server/db";
import { processWide } from "@/server/process-wide";

/** The typical render time is the median over this many of the latest completed videos. */
const RECENT_RENDERS = 50;
/** A figure a minute old is as good as a fresh one, and spares the database a query per watch page. */
const CACHE_MS = 60_000;

type RenderStatsCache = {
  cached: { seconds: number | null; until: number } | null;
  inFlight: Promise<number | null> | null;
};
/** One per process (process-wide.ts), not one per bundle that shows the figure. */
const statsCache = () => processWide<RenderStatsCache>("renderStats", () => ({ cached: null, inFlight: null }));

/**
 * Median seconds from creation to completion of recent renders, for "usually about 2 min" on a rendering video's
 * page; null before any video completed. Cached in the process for a minute, one query at a time.
 */
export function typicalRenderSeconds(): Promise<number | null> {
  const cache = statsCache();
  if (cache.cached && cache.cached.until > Date.now()) return Promise.resolve(cache.cached.seconds);
  cache.inFlight ??= medianOfRecentRenders()
    .then((seconds) => {
      cache.cached = { seconds, until: Date.now() + CACHE_MS };
      return seconds;
    })
    .finally(() => (cache.inFlight = null));
  return cache.inFlight;
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
