import "server-only";
import { Prisma, type Video } from "@/generated/prisma/client";
import { runPrepared } from "@/server/db";

/** At most one HeyGen call per video per this interval, whoever asks and why, on whichever instance. */
export const HEYGEN_CALL_INTERVAL_MS = 10_000;

/** What asking HeyGen about a video needs to know of it, as it stands once claimed. */
export type ClaimedVideo = Pick<
  Video,
  | "id"
  | "status"
  | "heygenVideoId"
  | "title"
  | "unconfirmedReason"
  | "thumbnailUrl"
  | "subtitleUrl"
  | "createdAt"
  /** Set for a translation (issue 19): HeyGen is asked about it at /v3/video-translations, not /v3/videos. */
  | "sourceVideoId"
>;

/**
 * The one claim on asking HeyGen about videos, whatever the reason (a stale status, render details, a media refresh):
 * one conditional UPDATE of `heygenCheckedAt`, the last time anyone asked, so every instance shares it. A video is
 * claimed only if nobody has asked about it for `intervalMs` (at least HEYGEN_CALL_INTERVAL_MS: a reason may wait
 * longer between its own calls). Returns the videos claimed, as they stand now (a webhook may have finished one
 * meanwhile: asking then brings its details). One prepared statement: render details claim after every webhook.
 */
export async function claimVideos(
  ids: string[],
  intervalMs = HEYGEN_CALL_INTERVAL_MS,
  now = new Date(),
): Promise<ClaimedVideo[]> {
  if (ids.length === 0) return [];
  const askedBefore = new Date(now.getTime() - Math.max(intervalMs, HEYGEN_CALL_INTERVAL_MS));
  // Timestamps come back as timestamptz: pg would read a plain timestamp in the server's time zone, not UTC.
  return runPrepared<ClaimedVideo>(Prisma.sql`
    UPDATE "Video" SET "heygenCheckedAt" = ${now}
    WHERE "id" = ANY(${ids}::text[]) AND ("heygenCheckedAt" IS NULL OR "heygenCheckedAt" < ${askedBefore})
    RETURNING "id", "status", "heygenVideoId", "title", "unconfirmedReason", "thumbnailUrl", "subtitleUrl",
      "createdAt" AT TIME ZONE 'UTC' AS "createdAt", "sourceVideoId"`);
}
