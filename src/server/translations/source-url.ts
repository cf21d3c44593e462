import "server-only";
import type { Video } from "@/generated/prisma/client";
import { viewersMaySee } from "@/lib/visibility";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { FRESH_MARGIN_MS, withFreshMedia } from "@/server/media/fresh-media";
import { mediaFileUrl, storedMediaOf } from "@/server/media/served-media";
import { claimAndSync } from "@/server/sync/ask-heygen";

/**
 * The URL HeyGen fetches a source video from for a translation. Ours, stable, when it can be: the stored MP4 at
 * APP_URL's /media path, if the copy is stored, viewers may see the source (the /media route refuses anonymous
 * requests for a hidden video, and HeyGen is anonymous) and APP_URL is a public https address. Otherwise HeyGen's own
 * presigned URL of the source, refreshed through the sync path when it expires within the hour. Null: no URL HeyGen
 * could fetch (HeyGen unreachable, or it no longer has the file).
 */
export async function sourceUrlFor(source: Video): Promise<string | null> {
  const stored = storedMediaOf(source)?.files.video;
  if (stored && viewersMaySee(source) && env.APP_URL?.startsWith("https://")) {
    return new URL(mediaFileUrl(source.id, "video", stored.sha256), env.APP_URL).href;
  }
  return freshHeygenUrl(source);
}

const isFresh = (video: Video | null): video is Video & { videoUrl: string } =>
  !!video?.videoUrl && !!video.mediaExpiresAt && video.mediaExpiresAt.getTime() > Date.now() + FRESH_MARGIN_MS;

async function freshHeygenUrl(source: Video): Promise<string | null> {
  if (isFresh(source)) return source.videoUrl;
  // withFreshMedia refreshes what viewers are shown, so it leaves a stored video alone: its HeyGen URL is asked here.
  const refreshed = storedMediaOf(source)
    ? (await claimAndSync(source.id), await db.video.findUnique({ where: { id: source.id } }))
    : await withFreshMedia(source);
  return isFresh(refreshed) ? refreshed.videoUrl : null;
}
