import "server-only";
import type { Prisma, Video } from "@/generated/prisma/client";
import { env } from "@/server/env";

/** The time before which a video has had no news long enough to be checked. */
export const staleBefore = (now = new Date()) => new Date(now.getTime() - env.RECONCILE_AFTER_SECONDS * 1000);

/**
 * When a video is due for a HeyGen check (the rule below, twice: for a row in hand and as a query). An unfinished video
 * is due once it has had no news for RECONCILE_AFTER_SECONDS: its webhook may be lost. A completed one is due when its
 * render details have not landed that long after it completed and since anyone last asked: the process that was to
 * fetch them after its webhook died, or could not reach HeyGen. (DETAILS_GIVE_UP_MS ends that.)
 */
export function isDue(video: Video, now = new Date()): boolean {
  const before = staleBefore(now);
  if (video.status === "PENDING" || video.status === "PROCESSING")
    return (video.heygenCheckedAt ?? video.createdAt) < before;
  return (
    video.status === "COMPLETED" &&
    video.detailsAt === null &&
    video.heygenVideoId !== null &&
    video.completedAt !== null &&
    video.completedAt < before &&
    (video.heygenCheckedAt === null || video.heygenCheckedAt < before)
  );
}

/** isDue as a query. */
export function dueWhere(now = new Date()): Prisma.VideoWhereInput {
  const before = staleBefore(now);
  return {
    OR: [
      {
        status: { in: ["PENDING", "PROCESSING"] },
        OR: [{ heygenCheckedAt: { lt: before } }, { heygenCheckedAt: null, createdAt: { lt: before } }],
      },
      {
        status: "COMPLETED",
        detailsAt: null,
        heygenVideoId: { not: null },
        completedAt: { lt: before },
        OR: [{ heygenCheckedAt: null }, { heygenCheckedAt: { lt: before } }],
      },
    ],
  };
}
