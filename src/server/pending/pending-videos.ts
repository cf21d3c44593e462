import "server-only";
import { PENDING_LIMIT, type PendingView } from "@/lib/pending";
import { db } from "@/server/db";
import { typicalRenderSeconds } from "@/server/videos/typical-render-time";

/** Before any video has completed there is no "usual": a render older than this is worth a look. */
const OVERDUE_WITHOUT_HISTORY_SECONDS = 600;
/** Never sooner than this: a few quick renders must not make every video in flight look late. */
const MIN_OVERDUE_SECONDS = 120;

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
      },
    }),
    db.video.count({ where }),
    typicalRenderSeconds(),
  ]);
  const overdueAfterSeconds =
    typical === null ? OVERDUE_WITHOUT_HISTORY_SECONDS : Math.max(MIN_OVERDUE_SECONDS, Math.round(2 * typical));
  return {
    generatedAt: now.toISOString(),
    overdueAfterSeconds,
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
        overdue: ageSeconds > overdueAfterSeconds,
      };
    }),
  };
}
