import "server-only";
import { Prisma, type Video } from "@/generated/prisma/client";
import { spokenSeconds } from "@/lib/cost";
import { storedOptions } from "@/lib/generation-options";
import { mediaCopyState } from "@/lib/media-copy-state";
import { toApiVisibility } from "@/lib/publish-input";
import { translationOptions } from "@/lib/translations";
import { describeFirstIssue } from "@/lib/validation";
import { toPublicVideo, type AdminVideo, type PresentedBy } from "@/lib/video";
import {
  STATUS_FILTERS,
  videoListQuery,
  type AdminVideoPage,
  type CopyFilter,
  type VideoListQuery,
} from "@/lib/video-list-query";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { withFreshMediaAll } from "@/server/media/fresh-media";
import { presentedByOf, PRESENTER_FIELDS } from "./presented-by";
import { decodeCursor, encodeCursor, NEWEST_FIRST, olderThan } from "./video-cursor";
import { storedMediaUrls } from "@/server/media/served-media";

/** Rows per page of the admin list. */
export const ADMIN_PAGE_SIZE = 20;

/** The API's query string, validated: a bad value is a 400 naming its parameter. */
export function readVideoListQuery(params: URLSearchParams): VideoListQuery {
  const parsed = videoListQuery.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const { field, message } = describeFirstIssue(parsed.error);
    throw new AppError("invalid_input", message, { field });
  }
  if (parsed.data.cursor && !isVideoCursor(parsed.data.cursor)) {
    throw new AppError("invalid_input", "cursor is not one this list gave out: start again from the first page.", {
      field: "cursor",
    });
  }
  return parsed.data;
}

export const isVideoCursor = (text: string) => decodeCursor(text) !== null;

/**
 * Every video, whatever its status, newest first, a page at a time: filtered by status and by text found in the
 * title or the script (any case). Call with a query from readVideoListQuery (or a cursor isVideoCursor accepts).
 */
export async function adminVideosPage(query: VideoListQuery): Promise<AdminVideoPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db.video.findMany({
    where: { AND: [filterOf(query), cursor ? olderThan(cursor) : {}] },
    orderBy: NEWEST_FIRST,
    take: ADMIN_PAGE_SIZE + 1,
    include: ADMIN_VIDEO_FIELDS,
  });
  const page = rows.slice(0, ADMIN_PAGE_SIZE);
  const last = page.at(-1);
  // HeyGen's presigned thumbnail URLs expire: the few about to are replaced first.
  const fresh = await withFreshMediaAll(page);
  const presentedBy = presentedByOf();
  return {
    videos: fresh.map((video) => toAdminVideo(video, presentedBy(video))),
    nextCursor: rows.length > ADMIN_PAGE_SIZE && last ? encodeCursor(last) : null,
  };
}

function filterOf({ status, copy, q }: VideoListQuery): Prisma.VideoWhereInput {
  // Prisma passes `contains` to ILIKE as is: its wildcards (and the escape character) must be taken literally.
  const text = { contains: q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } as const;
  return {
    AND: [
      status !== "all" ? { status: STATUS_FILTERS[status] } : {},
      COPY_WHERE[copy],
      q ? { OR: [{ title: text }, { script: text }] } : {},
    ],
  };
}

/** Each copy filter as mediaCopyState (src/lib/media-copy-state.ts) decides the state. */
const COPY_WHERE: Record<CopyFilter, Prisma.VideoWhereInput> = {
  all: {},
  stored: { status: "COMPLETED", storedMedia: { not: Prisma.DbNull } },
  copying: { status: "COMPLETED", storedMedia: { equals: Prisma.DbNull }, mediaCopyFailedAt: null },
  failed: { status: "COMPLETED", storedMedia: { equals: Prisma.DbNull }, mediaCopyFailedAt: { not: null } },
};

/** `include` for a video query whose rows go to toAdminVideo. */
export const ADMIN_VIDEO_FIELDS = {
  regenerations: { select: { id: true }, orderBy: { createdAt: "asc" } },
  sourceVideo: { select: { id: true, title: true } },
  ...PRESENTER_FIELDS,
} as const satisfies Prisma.VideoInclude;

export function toAdminVideo(
  video: Video & { regenerations: Array<{ id: string }>; sourceVideo: { id: string; title: string } | null },
  presentedBy: PresentedBy | null,
): AdminVideo {
  const options = storedOptions(video.options);
  return {
    ...toPublicVideo(video, { admin: true }, storedMediaUrls(video)),
    presentedBy,
    options,
    scriptSeconds: spokenSeconds(video.script, options.voiceSpeed),
    regeneratedFromId: video.regeneratedFromId,
    regenerationIds: video.regenerations.map((regeneration) => regeneration.id),
    mediaCopy: mediaCopyState(video),
    visibility: toApiVisibility(video.visibility),
    publishAt: video.publishAt?.toISOString() ?? null,
    publishedAt: video.publishedAt?.toISOString() ?? null,
    translationOf:
      video.sourceVideo && video.language
        ? {
            ...(translationOptions.safeParse(video.options).data ?? { mode: "speed", captions: true }),
            language: video.language,
            sourceId: video.sourceVideo.id,
            sourceTitle: video.sourceVideo.title,
          }
        : null,
  };
}
