import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { ReviewDraft, ReviewQueuePage } from "@/lib/review";
import type { AspectRatio } from "@/lib/video-format";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { withFreshMediaAll } from "@/server/media/fresh-media";
import { storedMediaUrls } from "@/server/media/served-media";
import { dateToDay } from "@/server/plan/preview-plan";
import { presentedByOf, PRESENTER_FIELDS } from "@/server/video-lists/presented-by";
import { isVideoId } from "@/server/videos/video-id";
import { momentIn, publishTimeOf } from "./plan-moment";

/** Drafts per page: a month's plan is about 150, and each one is a player on the page. */
export const REVIEW_PAGE_SIZE = 50;

/**
 * What awaits review: made, still a draft, and nobody rejected it (what approveVideo and rejectVideo accept). Not a
 * translation (issue 19): it follows its source's approval, so it is never reviewed on its own.
 */
export const READY_DRAFT = { status: "COMPLETED", visibility: "DRAFT", rejectedAt: null, sourceVideoId: null } as const;

/** How many drafts await review (the queue's count, the admin tab's). */
export const awaitingReviewCount = () => db.video.count({ where: READY_DRAFT });

/**
 * Where a page ends: the (plan day, createdAt, id) of its last draft; a draft with no plan day sorts after every day
 * ("infinity", as PostgreSQL's date calls it). Opaque to clients, as the video lists' cursors are.
 */
type ReviewCursor = { day: string; createdAt: Date; id: string };

const encodeCursor = ({ day, createdAt, id }: ReviewCursor) =>
  Buffer.from(`${day}_${createdAt.toISOString()}_${id}`).toString("base64url");

/** The cursor a client sent back: a 400 naming `cursor` for anything this queue did not give out. */
export function readReviewCursor(text: string | null): ReviewCursor | null {
  if (text === null) return null;
  const [day = "", iso = "", id = "", ...rest] = Buffer.from(text, "base64url").toString().split("_");
  const createdAt = new Date(iso);
  if (rest.length === 0 && (day === "infinity" || /^\d{4}-\d{2}-\d{2}$/.test(day)) && isVideoId(id)) {
    if (!Number.isNaN(createdAt.getTime())) return { day, createdAt, id };
  }
  throw new AppError("invalid_input", "cursor is not one this queue gave out: start again from the first page.", {
    field: "cursor",
  });
}

type OrderRow = { id: string; createdAt: Date; day: string };

/** One page of the ids in review order: oldest plan day first, then drafts with none; oldest made first within. */
function pageOrder(cursor: ReviewCursor | null) {
  const after = cursor
    ? Prisma.sql`AND (COALESCE(ps."date", 'infinity'::date), v."createdAt", v."id")
        > (${cursor.day}::date, ${cursor.createdAt}::timestamp(3), ${cursor.id})`
    : Prisma.empty;
  return db.$queryRaw<OrderRow[]>`
    SELECT v."id", v."createdAt", COALESCE(ps."date", 'infinity'::date)::text AS "day"
    FROM "Video" v
      LEFT JOIN "BatchItem" bi ON bi."videoId" = v."id"
      LEFT JOIN "PlanScript" ps ON ps."id" = bi."planScriptId"
    WHERE v."status" = 'COMPLETED' AND v."visibility" = 'DRAFT' AND v."rejectedAt" IS NULL
      AND v."sourceVideoId" IS NULL ${after}
    ORDER BY COALESCE(ps."date", 'infinity'::date), v."createdAt", v."id"
    LIMIT ${REVIEW_PAGE_SIZE + 1}`;
}

/** The drafts awaiting review, a page at a time, with what approving each would do. */
export async function reviewQueue(cursor: ReviewCursor | null = null, now = new Date()): Promise<ReviewQueuePage> {
  const [order, count] = await Promise.all([pageOrder(cursor), awaitingReviewCount()]);
  const page = order.slice(0, REVIEW_PAGE_SIZE);
  const rows = await db.video.findMany({
    where: { id: { in: page.map((row) => row.id) } },
    include: { ...PRESENTER_FIELDS, batchItem: { select: { planScript: { select: { date: true } } } } },
  });
  const fresh = new Map((await withFreshMediaAll(rows)).map((row) => [row.id, row]));
  const presentedBy = presentedByOf();
  const publishesAt = await publishMoments(now);
  const drafts: ReviewDraft[] = [];
  for (const { id } of page) {
    const video = fresh.get(id);
    if (!video) continue; // deleted between the two queries
    const planDate = video.batchItem ? dateToDay(video.batchItem.planScript.date) : null;
    const media = storedMediaUrls(video);
    drafts.push({
      id,
      title: video.title,
      script: video.script,
      presentedBy: presentedBy(video),
      aspectRatio: video.aspectRatio as AspectRatio,
      planDate,
      publishesAt: planDate ? await publishesAt(planDate) : null,
      videoUrl: media.videoUrl,
      thumbnailUrl: media.thumbnailUrl,
      hasCaptions: media.subtitleUrl !== null,
      duration: video.duration,
      createdAt: video.createdAt.toISOString(),
    });
  }
  const last = order.length > REVIEW_PAGE_SIZE ? page.at(-1) : undefined;
  return { drafts, count, nextCursor: last ? encodeCursor(last) : null };
}

/**
 * When approving a draft of a plan day would publish it, as approveVideo decides (planMomentOf): the day at its month's
 * publish time in PUBLISH_TIMEZONE, or null (at once) when that has passed. Each month's time is read once.
 */
function publishMoments(now: Date) {
  const times = new Map<string, Promise<string>>();
  return async (day: string): Promise<string | null> => {
    const month = day.slice(0, 7);
    if (!times.has(month)) times.set(month, publishTimeOf(month));
    const moment = momentIn(day, await times.get(month)!, env.PUBLISH_TIMEZONE);
    return moment > now ? moment.toISOString() : null;
  };
}
