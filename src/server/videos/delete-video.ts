import "server-only";
import type { VideoDeletion } from "@/lib/video";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { throwHeygenAppError } from "@/server/heygen-app-error";
import { heygen } from "@/server/heygen-client";
import { isVideoId } from "./video-id";

/**
 * Removes a video from the app: its row, so the list, the gallery, its page, the status route, embeds and oEmbed
 * all forget it (trigger "video_inserted_or_deleted" drops every instance's cached copy, and
 * "Video_release_batch_key_on_delete" makes its batch pair missing again: docs/triggers.md; webhook log rows stay,
 * unlinked; its regenerations stay, unlinked). With `atHeygen`, HeyGen deletes it first: if HeyGen fails, the row is
 * kept, so nothing is ever deleted halfway.
 */
export async function deleteVideo(id: string, { atHeygen }: { atHeygen: boolean }): Promise<VideoDeletion> {
  const select = { heygenVideoId: true, sourceVideoId: true } as const;
  const video = isVideoId(id) ? await db.video.findUnique({ where: { id }, select }) : null;
  if (!video) throw notFound();
  if (atHeygen) {
    // Its translations (issue 19) go with it (their rows cascade): at HeyGen too, first.
    for (const variant of await db.video.findMany({ where: { sourceVideoId: id }, select }))
      await deleteAtHeygen(variant);
  }
  const outcome = atHeygen ? await deleteAtHeygen(video) : "not_asked";
  const { count } = await db.video.deleteMany({ where: { id } });
  if (count === 0) throw notFound(); // deleted by another request meanwhile
  return { id, heygen: outcome };
}

const notFound = () => new AppError("not_found", "No video with this id.");

/** HeyGen deletes first: a failure there keeps the row (HeyGen's own "no such video" counts as gone, see the client). */
async function deleteAtHeygen(video: {
  heygenVideoId: string | null;
  sourceVideoId: string | null;
}): Promise<VideoDeletion["heygen"]> {
  const { heygenVideoId } = video;
  if (!heygenVideoId) return "no_job";
  try {
    // A translation's job lives at /v3/video-translations.
    const outcome = video.sourceVideoId
      ? await heygen.deleteTranslation(heygenVideoId)
      : await heygen.deleteVideo(heygenVideoId);
    return outcome === "deleted" ? "deleted" : "already_gone";
  } catch (error) {
    throwHeygenAppError(error, { action: "delete the video", aftermath: "The video was kept here." });
  }
}
