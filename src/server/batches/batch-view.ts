import "server-only";
import type { Batch } from "@/generated/prisma/client";
import type { BatchItemStatus, VideoStatus } from "@/generated/prisma/enums";
import {
  ITEM_STATES,
  itemState,
  type BatchItemView,
  type BatchStatus,
  type BatchView,
  type ItemState,
} from "@/lib/batch";
import { batchEtaSeconds } from "@/lib/batch-eta";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { typicalRenderSeconds } from "@/server/videos/typical-render-time";

/** The batch list shows this many, newest first. */
const LIST_LIMIT = 50;
/** The estimate before any video has completed: HeyGen's renders take a couple of minutes. */
const FALLBACK_RENDER_SECONDS = 120;

export type BatchSummary = Omit<BatchView, "items">;

/** One batch with every item (by date, then presenter), its counts, status and ETA; null for an unknown id. */
export async function getBatch(id: string): Promise<BatchView | null> {
  const batch = await db.batch.findUnique({
    where: { id },
    include: {
      items: {
        include: {
          planScript: { select: { date: true, title: true } },
          presenter: { select: { id: true, name: true } },
          video: { select: { status: true, error: true } },
        },
        orderBy: [
          { planScript: { date: "asc" } },
          { presenter: { name: "asc" } },
          { planScript: { title: "asc" } },
          // The video, then its translations by language.
          { language: { sort: "asc", nulls: "first" } },
          { id: "asc" },
        ],
      },
    },
  });
  if (!batch) return null;
  const items: BatchItemView[] = batch.items.map((item) => ({
    id: item.id,
    date: item.planScript.date.toISOString().slice(0, 10),
    title: item.planScript.title,
    presenter: item.presenter,
    language: item.language,
    state: itemState(item.status, item.video?.status ?? null),
    videoId: item.videoId,
    error: item.error ?? item.video?.error ?? null,
    submittedAt: item.submittedAt?.toISOString() ?? null,
  }));
  const counts = emptyCounts();
  for (const item of items) counts[item.state] += 1;
  return { ...summarize(batch, counts, await renderSeconds()), items };
}

/** The latest batches, newest first, each with its counts, status and ETA (one query for every batch's counts). */
export async function listBatches(): Promise<BatchSummary[]> {
  const batches = await db.batch.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: LIST_LIMIT });
  if (batches.length === 0) return [];
  const [groups, render] = await Promise.all([
    db.$queryRaw<Array<{ batchId: string; item: BatchItemStatus; video: VideoStatus | null; count: number }>>`
      SELECT i."batchId", i.status AS item, v.status AS video, count(*)::int AS count
      FROM "BatchItem" i LEFT JOIN "Video" v ON v.id = i."videoId"
      WHERE i."batchId" = ANY(${batches.map((batch) => batch.id)})
      GROUP BY 1, 2, 3`,
    renderSeconds(),
  ]);
  const countsOf = new Map(batches.map((batch) => [batch.id, emptyCounts()]));
  for (const group of groups) countsOf.get(group.batchId)![itemState(group.item, group.video)] += group.count;
  return batches.map((batch) => summarize(batch, countsOf.get(batch.id)!, render));
}

function summarize(batch: Batch, counts: Record<ItemState, number>, render: number): BatchSummary {
  const waiting = counts.queued;
  const inFlight = counts.submitted + counts.rendering;
  return {
    id: batch.id,
    month: batch.month,
    review: batch.review,
    tag: batch.tag,
    presenterIds: batch.presenterIds,
    status: statusOf(batch, waiting + inFlight),
    requestedBy: batch.requestedBy === "api" ? "api" : "admin",
    createdAt: batch.createdAt.toISOString(),
    total: Object.values(counts).reduce((sum, count) => sum + count, 0),
    counts,
    // A paused batch sends nothing until it is resumed: there is no honest estimate.
    etaSeconds:
      batch.status === "PAUSED"
        ? null
        : batchEtaSeconds({
            waiting,
            inFlight,
            submitIntervalMs: env.QUEUE_SUBMIT_INTERVAL_MS,
            maxInFlight: env.QUEUE_MAX_IN_FLIGHT,
            renderSeconds: render,
          }),
  };
}

/** Cancelled and paused say what the admin did; otherwise a batch is done once nothing is waiting or in flight. */
function statusOf(batch: Batch, unfinished: number): BatchStatus {
  if (batch.status === "CANCELLED") return "cancelled";
  if (batch.status === "PAUSED") return "paused";
  return unfinished === 0 ? "done" : "running";
}

const emptyCounts = () => Object.fromEntries(ITEM_STATES.map((state) => [state, 0])) as Record<ItemState, number>;

const renderSeconds = async () => (await typicalRenderSeconds()) ?? FALLBACK_RENDER_SECONDS;
