import "server-only";
import pLimit from "p-limit";
import { db } from "@/server/db";
import { enqueueMediaCopies } from "@/server/queue/media-copy-jobs";
import { copyVideoMedia, type CopyOutcome } from "./copy-video";
import { clearCopyAttempts } from "./retry-copy";

/** Videos a backfill copies at once: each streams, and HeyGen's CDN is shared with the queue's own copies. */
export const BACKFILL_AT_ONCE = 3;

export type BackfillStep = {
  /** Videos finished so far (this one included) and in all. */
  done: number;
  total: number;
  videoId: string;
  title: string;
  outcome: CopyOutcome;
  /** Bytes this video stored, and every video so far. */
  bytes: number;
  totalBytes: number;
};

export type BackfillSummary = { total: number; stored: number; left: number; bytes: number };

/**
 * Copies every COMPLETED video not yet stored, BACKFILL_AT_ONCE at a time, oldest first (`npm run media:backfill`).
 * Each copy commits on its own, so an interrupted run loses nothing and the next one starts from what is left; a
 * video stored meanwhile (by the queue) is skipped. A video given up on is tried afresh, as an admin's Retry does; one
 * whose attempt may succeed later is handed to the queue, which retries it with backoff.
 */
export async function backfillMedia(onStep: (step: BackfillStep) => void): Promise<BackfillSummary> {
  const videos = await db.$queryRaw<Array<{ id: string; title: string }>>`
    SELECT "id", "title" FROM "Video" WHERE "status" = 'COMPLETED' AND "storedMedia" IS NULL
    ORDER BY "completedAt" ASC NULLS FIRST, "id"`;
  const summary: BackfillSummary = { total: videos.length, stored: 0, left: 0, bytes: 0 };
  let done = 0;
  const limit = pLimit(BACKFILL_AT_ONCE);
  await Promise.all(
    videos.map((video) =>
      limit(async () => {
        await clearCopyAttempts(video.id);
        const outcome = await copyVideoMedia(video.id);
        if (outcome.kind === "retry") await enqueueMediaCopies([video.id]);
        const bytes = outcome.kind === "stored" ? storedBytes(outcome) : 0;
        if (outcome.kind === "stored") summary.stored++;
        if (outcome.kind === "retry" || outcome.kind === "failed") summary.left++;
        summary.bytes += bytes;
        onStep({
          done: ++done,
          total: videos.length,
          videoId: video.id,
          title: video.title,
          outcome,
          bytes,
          totalBytes: summary.bytes,
        });
      }),
    ),
  );
  return summary;
}

const storedBytes = (outcome: Extract<CopyOutcome, { kind: "stored" }>) =>
  Object.values(outcome.media.files).reduce((sum, file) => sum + (file?.bytes ?? 0), 0);
