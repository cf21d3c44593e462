import type { VideoVisibility } from "@/generated/prisma/enums";

export type { VideoVisibility };

/** The one vocabulary of visibilities, for admins' badges, filters and choices. */
export const VISIBILITY_LABELS: Record<VideoVisibility, string> = {
  DRAFT: "Draft",
  PRIVATE: "Private",
  UNLISTED: "Unlisted",
  PUBLIC: "Public",
};

type Publishable = { visibility: VideoVisibility; publishAt: Date | string | null };

const time = (value: Date | string) => (typeof value === "string" ? Date.parse(value) : value.getTime());

/**
 * Whether viewers (anyone without an admin session) may see the video at `now`: unlisted or public, and its publish
 * moment, if it has one, has come. Every viewer route, page and feed asks this one function; a video it refuses does
 * not exist for them (404). Time-based, so a cached row turns visible at its moment with no write.
 */
export function viewersMaySee(video: Publishable, now = Date.now()): boolean {
  if (video.visibility !== "PUBLIC" && video.visibility !== "UNLISTED") return false;
  return video.publishAt === null || time(video.publishAt) <= now;
}

/**
 * Whether the video is listed (gallery, "more videos", sitemap, feeds, search engines): public, visible at `now`, and
 * not a translation (issue 19: a variant is reached through its source's page, whose language menu offers it).
 */
export function isListed(video: Publishable & { sourceVideoId?: string | null }, now = Date.now()): boolean {
  return video.visibility === "PUBLIC" && !video.sourceVideoId && viewersMaySee(video, now);
}

/** Scheduled: it will become visible at publishAt, which has not come yet. */
export function isScheduled(video: Publishable, now = Date.now()): boolean {
  return (
    (video.visibility === "PUBLIC" || video.visibility === "UNLISTED") &&
    video.publishAt !== null &&
    time(video.publishAt) > now
  );
}
