import "server-only";
import type { OutgoingEvent, Prisma } from "@/generated/prisma/client";
import { toApiVisibility } from "@/lib/publish-input";
import { getBatch } from "@/server/batches/batch-view";
import { db } from "@/server/db";
import { publicOrigin } from "@/server/http/public-origin";
import { absoluteMediaUrl, storedMediaUrls } from "@/server/media/served-media";
import { shareLinks } from "@/server/share/share-links";

/** A delivery's body, as Standard Webhooks suggests: `{ type, timestamp, data }`. */
export type OutgoingPayload = { type: string; timestamp: string; data: Prisma.InputJsonObject };

type EventRow = Pick<OutgoingEvent, "type" | "videoId" | "batchId" | "occurredAt">;

/** The body of `event`, from the video or batch as it stands now (the fan-out builds it once, just after the event). */
export async function buildPayload(event: EventRow): Promise<OutgoingPayload> {
  const data = event.videoId
    ? { video: await videoData(event.videoId) }
    : { batch: event.batchId ? await batchData(event.batchId) : null };
  return { type: event.type, timestamp: event.occurredAt.toISOString(), data };
}

async function videoData(id: string) {
  const video = await db.video.findUnique({
    where: { id },
    include: {
      presenter: { select: { id: true, name: true } },
      batchItem: { select: { batchId: true, planScript: { select: { date: true } } } },
    },
  });
  // Deleted since: the id is all there is to say.
  if (!video) return { id };
  const origin = publicOrigin();
  const media = storedMediaUrls(video);
  const absolute = (url: string | null) => (url ? absoluteMediaUrl(url, origin) : null);
  return {
    id: video.id,
    title: video.title,
    status: video.status.toLowerCase(),
    visibility: toApiVisibility(video.visibility),
    publishAt: video.publishAt?.toISOString() ?? null,
    publishedAt: video.publishedAt?.toISOString() ?? null,
    completedAt: video.completedAt?.toISOString() ?? null,
    error: video.error,
    // A translation (issue 19) is watched on its source's page, in its language: named so receivers can tell.
    sourceVideoId: video.sourceVideoId,
    language: video.language,
    url: shareLinks(origin, video.sourceVideoId ?? video.id).watch,
    media: {
      video: absolute(media.videoUrl),
      thumbnail: absolute(media.thumbnailUrl),
      captions: absolute(media.subtitleUrl),
    },
    duration: video.duration,
    aspectRatio: video.aspectRatio,
    presenter: video.presenter,
    planDate: video.batchItem?.planScript.date.toISOString().slice(0, 10) ?? null,
    batchId: video.batchItem?.batchId ?? null,
  };
}

async function batchData(id: string) {
  const batch = await getBatch(id);
  if (!batch) return { id };
  return {
    id: batch.id,
    month: batch.month,
    tag: batch.tag,
    status: batch.status,
    total: batch.total,
    counts: batch.counts,
    url: `${publicOrigin()}/admin/batches/${batch.id}`,
  };
}
