import "server-only";
import type { Video } from "@/generated/prisma/client";
import type { MediaUrls } from "@/lib/video";
import { parseStoredMedia, STORED_FILE_TYPES, type StoredFileKind, type StoredMedia } from "./storage/stored-media";

type MediaRow = Pick<Video, "id" | "videoUrl" | "thumbnailUrl" | "subtitleUrl" | "storedMedia">;

// Parsed once per row object: the media route reads the same cached row for every viewer (src/server/watch).
const parsedOf = new WeakMap<object, StoredMedia | null>();

/** The video's copy in our storage, or null while there is none (then HeyGen's URLs are served). */
export function storedMediaOf(video: Pick<Video, "storedMedia">): StoredMedia | null {
  let parsed = parsedOf.get(video);
  if (parsed === undefined) {
    parsed = parseStoredMedia(video.storedMedia);
    parsedOf.set(video, parsed);
  }
  return parsed;
}

/**
 * A stored file's URL: `/media/{videoId}/{sha8}.{ext}`. The hash names the content, so the URL is cacheable for ever
 * and a link shared today still works next month; it is relative to the app (absolute ones: `absoluteMediaUrl`).
 */
export function mediaFileUrl(videoId: string, kind: StoredFileKind, sha256: string): string {
  return `/media/${videoId}/${sha256.slice(0, 8)}.${STORED_FILE_TYPES[kind].ext}`;
}

/**
 * The one source of the media URLs everything shows: ours once the copy is stored, HeyGen's (refreshed by
 * withFreshMedia) until then. `subtitleUrl` names the SRT, as HeyGen's does; players read the WebVTT through the
 * captions route.
 */
export function storedMediaUrls(video: MediaRow): MediaUrls {
  const stored = storedMediaOf(video);
  if (!stored) return { videoUrl: video.videoUrl, thumbnailUrl: video.thumbnailUrl, subtitleUrl: video.subtitleUrl };
  const { files } = stored;
  const url = (kind: StoredFileKind) => {
    const file = files[kind];
    return file ? mediaFileUrl(video.id, kind, file.sha256) : null;
  };
  return { videoUrl: url("video"), thumbnailUrl: url("thumbnail"), subtitleUrl: url("srt") ?? url("vtt") };
}

/** An app-relative media URL on `origin` (share previews, oEmbed); HeyGen's absolute URLs are kept as they are. */
export const absoluteMediaUrl = (url: string, origin: string) => new URL(url, origin).toString();
