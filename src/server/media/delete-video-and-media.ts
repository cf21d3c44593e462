import "server-only";
import type { VideoDeletion } from "@/lib/video";
import { db } from "@/server/db";
import { deleteVideo } from "@/server/videos/delete-video";
import { removeVideoMedia } from "./storage/remove-video-media";

/**
 * Deleting a video means gone: `deleteVideo` removes the row (so every page and the /media routes forget it at once),
 * then its stored media goes too. Composed here rather than inside videos/ because media/ already depends on videos/
 * (through sync/): videos/ importing media/ would make the rooms a loop (`npm run lint:rooms`).
 */
export async function deleteVideoAndMedia(id: string, options: { atHeygen: boolean }): Promise<VideoDeletion> {
  // Its translations' rows cascade with it (issue 19): their stored media goes too.
  const variants = await db.video.findMany({ where: { sourceVideoId: id }, select: { id: true } });
  const deletion = await deleteVideo(id, options);
  for (const { id: variantId } of variants) await removeVideoMedia(variantId);
  await removeVideoMedia(id);
  return deletion;
}
