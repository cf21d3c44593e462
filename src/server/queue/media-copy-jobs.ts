import "server-only";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { MEDIA_COPY_QUEUE, queue } from "./boss";

export type MediaCopyJob = { videoId: string };

/** Retries pg-boss may make of one job: the copy counts its own attempts (MEDIA_COPY_MAX_ATTEMPTS); this is slack. */
const JOB_RETRY_LIMIT = 12;
/** A job whose worker died is taken over after this (a 2 GiB copy takes a few minutes on a slow link). */
const JOB_EXPIRE_SECONDS = 15 * 60;

/**
 * Enqueues a copy of each video's media (src/server/media/copy/copy-video.ts): at most one queued and one active job
 * per video (stately, singletonKey = video id), so enqueueing again is harmless. A failed attempt is tried again after
 * about MEDIA_COPY_RETRY_DELAY_SECONDS, doubling each time (pg-boss's backoff, with jitter).
 */
export async function enqueueMediaCopies(videoIds: string[]): Promise<void> {
  if (videoIds.length === 0) return;
  const boss = await queue();
  await boss.insert(
    videoIds.map((videoId) => ({
      name: MEDIA_COPY_QUEUE,
      data: { videoId } satisfies MediaCopyJob,
      singletonKey: videoId,
      retryLimit: JOB_RETRY_LIMIT,
      retryDelay: env.MEDIA_COPY_RETRY_DELAY_SECONDS,
      retryBackoff: true,
      expireInSeconds: JOB_EXPIRE_SECONDS,
    })),
  );
}

/**
 * enqueueMediaCopies where a video has just become COMPLETED: never fails its caller (a webhook, a sync); a job lost
 * here is enqueued by the next minute's sweep (copy-sweep.ts).
 */
export async function enqueueMediaCopyOf(videoId: string): Promise<void> {
  try {
    await enqueueMediaCopies([videoId]);
  } catch (error) {
    logger.warn({ videoId, err: (error as Error).message }, "could not enqueue the media copy; the sweep will");
  }
}
