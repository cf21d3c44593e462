import "server-only";
import { Prisma, type Video } from "@/generated/prisma/client";
import { db } from "@/server/db";

type VideoReference = { videoId: string | null; callbackId: string | null };

/**
 * The video an event is about: by HeyGen's id, or else by our own id echoed back as callback_id (the create
 * answer may have been lost before HeyGen's id was stored). A row already tied to another HeyGen job is not it.
 */
export async function findVideoForEvent(ref: VideoReference): Promise<Video | null> {
  if (!ref.videoId && !ref.callbackId) return null;
  const [video] = await db.$queryRaw<Video[]>`${videoForEventQuery(ref)}`;
  return video ?? null;
}

/** findVideoForEvent as one SELECT, for a statement that looks the video up itself (the signed webhook's). */
export function videoForEventQuery(ref: VideoReference): Prisma.Sql {
  return Prisma.sql`
    SELECT * FROM "Video"
    WHERE "heygenVideoId" = ${ref.videoId} OR ("id" = ${ref.callbackId} AND "heygenVideoId" IS NULL)
    ORDER BY "heygenVideoId" IS NULL -- the row HeyGen's id names comes first
    LIMIT 1`;
}
