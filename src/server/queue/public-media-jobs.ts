import "server-only";
import { logger } from "@/server/logger";
import { PUBLIC_MEDIA_QUEUE, queue } from "./boss";

export type PublicMediaJob = { videoId: string };

/**
 * Enqueues making each video's public media copy match what viewers may see (src/server/media/public-copy/): one
 * queued and one active job per video at most (stately, singletonKey = video id), so enqueueing again is harmless.
 */
export async function enqueuePublicMediaSyncs(videoIds: string[]): Promise<void> {
  if (videoIds.length === 0) return;
  const boss = await queue();
  await boss.insert(
    videoIds.map((videoId) => ({
      name: PUBLIC_MEDIA_QUEUE,
      data: { videoId } satisfies PublicMediaJob,
      singletonKey: videoId,
    })),
  );
}

/**
 * enqueuePublicMediaSyncs after a write that may change what viewers may see of a video (its visibility, its publish
 * moment, its stored media): never fails its caller; a job lost here is enqueued by the next minute's sweep.
 */
export async function enqueuePublicMediaSync(videoId: string): Promise<void> {
  await enqueuePublicMediaSyncsQuietly([videoId]);
}

/** enqueuePublicMediaSync for several videos at once (a source and its translations). */
export async function enqueuePublicMediaSyncsQuietly(videoIds: string[]): Promise<void> {
  try {
    await enqueuePublicMediaSyncs(videoIds);
  } catch (error) {
    logger.warn({ videoIds, err: (error as Error).message }, "could not enqueue the public media sync; the sweep will");
  }
}
