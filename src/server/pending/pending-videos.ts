import "server-only";
import { PENDING_LIMIT, type PendingView } from "@/lib/pending";
import { overdueThreshold } from "@/lib/render-time";
import { db } from "@/server/db";
import { typicalRenderSeconds } from "@/server/videos/typical-render-time";

/** Every video in flight (Queued or Rendering), from batches and the Studio alike, oldest first: the Pending page. */
export async function pendingVideos(now = new Date()): Promise<PendingView> {
  const where = { status: { in: ["PENDING" as const, "PROCESSING" as const] } };
  const [rows, total, typical] = await Promise.all([
    db.video.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: PENDING_LIMIT,
      select: {
        id: true,
        title: true,
        status: true,
        createdAt: true,
        updatedAt: true,
        heygenCheckedAt: true,
        unconfirmedReason: true,
        batchItem: { select: { batchId: true } },
        sourceVideoId: true,
        language: true,
      },
    }),
    db.video.count({ where }),
    typicalRenderSeconds(),
  ]);
  const { seconds: overdueAfterSeconds, rule: overdueRule } = overdueThreshold(typical);
  return {
    generatedAt: now.toISOString(),
    overdueAfterSeconds,
    overdueRule,
    total,
    videos: rows.map((row) => {
      const ageSeconds = Math.max(0, Math.floor((now.getTime() - row.createdAt.getTime()) / 1000));
      return {
        id: row.id,
        title: row.title,
        status: row.status as "PENDING" | "PROCESSING", // the query's filter
        ageSeconds,
        lastNewsAt: (row.heygenCheckedAt ?? row.updatedAt).toISOString(),
        unconfirmedReason: row.unconfirmedReason,
        batchId: row.batchItem?.batchId ?? null,
        translationOf:
          row.sourceVideoId && row.language ? { language: row.language, sourceId: row.sourceVideoId } : null,
        overdue: ageSeconds > overdueAfterSeconds,
      };
    }),
  };
}
