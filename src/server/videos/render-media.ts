import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { runPrepared } from "@/server/db";
import { mediaExpiry } from "./media-expiry";

/**
 * A finished render's media, as a webhook or HeyGen's record of the video gives it. A field left out (or null)
 * keeps what the row has.
 */
export type RenderMedia = {
  videoUrl: string;
  thumbnailUrl?: string | null;
  subtitleUrl?: string | null;
  duration?: number | null;
  /**
   * From HeyGen's own record of the finished video (GET /v3/videos/{id}): whatever it holds is all HeyGen has, so
   * the render's details have landed and the video is settled. A webhook carries the video URL alone.
   */
  details: boolean;
};

/** The row's URLs a write keeps when the media leaves them out: the expiry is the earliest the row will hold. */
export type KeptUrls = { thumbnailUrl: string | null; subtitleUrl: string | null };

const NONE_KEPT: KeptUrls = { thumbnailUrl: null, subtitleUrl: null };

/**
 * The one way media fields are written, as SET assignments: the COMPLETED status change (transition.ts) and
 * writeMedia below both use it.
 */
export function mediaAssignments(media: RenderMedia, now: Date, kept: KeptUrls = NONE_KEPT): Prisma.Sql[] {
  const thumbnailUrl = media.thumbnailUrl ?? null;
  const subtitleUrl = media.subtitleUrl ?? null;
  const expiresAt = mediaExpiry(
    [media.videoUrl, thumbnailUrl ?? kept.thumbnailUrl, subtitleUrl ?? kept.subtitleUrl],
    now,
  );
  return [
    Prisma.sql`"videoUrl" = ${media.videoUrl}`,
    Prisma.sql`"thumbnailUrl" = COALESCE(${thumbnailUrl}, "thumbnailUrl")`,
    Prisma.sql`"subtitleUrl" = COALESCE(${subtitleUrl}, "subtitleUrl")`,
    Prisma.sql`"duration" = COALESCE(${media.duration ?? null}::double precision, "duration")`,
    Prisma.sql`"mediaExpiresAt" = ${expiresAt}`,
    ...(media.details ? [Prisma.sql`"detailsAt" = COALESCE("detailsAt", ${now})`] : []),
  ];
}

/**
 * Writes HeyGen's record of a video that is already COMPLETED (its render details, fresh URLs): only to the row still
 * tied to that HeyGen job. True when written. One prepared statement: it follows every success webhook.
 */
export async function writeMedia(
  videoId: string,
  heygenVideoId: string,
  media: RenderMedia,
  kept: KeptUrls,
  now = new Date(),
): Promise<boolean> {
  const rows = await runPrepared(Prisma.sql`
    UPDATE "Video" SET ${Prisma.join([...mediaAssignments(media, now, kept), Prisma.sql`"updatedAt" = ${now}`])}
    WHERE "id" = ${videoId} AND "status" = 'COMPLETED' AND "heygenVideoId" = ${heygenVideoId}
    RETURNING "id"`);
  return rows.length === 1;
}
