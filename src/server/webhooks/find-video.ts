import "server-only";
import type { Video } from "@/generated/prisma/client";
import { db as defaultDb, type Db } from "@/server/db";

/**
 * The video an event is about: by HeyGen's id, or else by our own id echoed back as callback_id (the create
 * answer may have been lost before HeyGen's id was stored). A row already tied to another HeyGen job is not it.
 */
export async function findVideoForEvent(
  ref: { videoId: string | null; callbackId: string | null },
  db: Db = defaultDb,
): Promise<Video | null> {
  if (ref.videoId) {
    const byHeygenId = await db.video.findUnique({ where: { heygenVideoId: ref.videoId } });
    if (byHeygenId) return byHeygenId;
  }
  if (!ref.callbackId) return null;
  const byCallbackId = await db.video.findUnique({ where: { id: ref.callbackId } });
  return byCallbackId && byCallbackId.heygenVideoId === null ? byCallbackId : null;
}
