import "server-only";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { env } from "@/server/env";
import { MAX_SRT_BYTES, srtToWebVtt } from "@/server/media/captions";
import { mediaStorage, type MediaStorage } from "@/server/media/storage";
import { MediaSizeError } from "@/server/media/storage/media-storage";
import {
  STORED_FILE_TYPES,
  videoKeyPrefix,
  type StoredFile,
  type StoredFileKind,
  type StoredMedia,
} from "@/server/media/storage/stored-media";
import { CopyFailure } from "./copy-failure";
import { openSource } from "./source-download";

/** HeyGen's media URLs of one completed video, as its row holds them. */
export type SourceUrls = { videoUrl: string; thumbnailUrl: string | null; subtitleUrl: string | null };

/** What each file is called in an admin's failure reason. */
const LABELS: Record<StoredFileKind, string> = { video: "MP4", thumbnail: "poster", srt: "captions", vtt: "captions" };

/**
 * Streams a video's MP4, poster and SRT captions from HeyGen into storage, and stores the captions as WebVTT too.
 * Objects are content-addressed (`videos/{id}/{sha8}.{ext}`): a second copy of the same bytes lands on the same keys.
 * Throws CopyFailure for what an admin should read; files already stored by a failed attempt stay (the next attempt
 * writes the same keys, and deleting the video removes them).
 */
export async function copyFiles(videoId: string, source: SourceUrls): Promise<StoredMedia> {
  const storage = mediaStorage();
  const prefix = videoKeyPrefix(videoId);
  const copy = (kind: StoredFileKind, url: string, maxBytes = env.MEDIA_MAX_BYTES) =>
    copyFile(storage, prefix, kind, url, maxBytes);

  const video = await copy("video", source.videoUrl);
  const thumbnail = source.thumbnailUrl ? await copy("thumbnail", source.thumbnailUrl) : undefined;
  const srt = source.subtitleUrl ? await copy("srt", source.subtitleUrl, MAX_SRT_BYTES) : undefined;
  const vtt = srt ? await storeWebVtt(storage, prefix, srt) : undefined;
  return { storage: storage.kind, files: { video, thumbnail, srt, vtt } };
}

async function copyFile(
  storage: MediaStorage,
  prefix: string,
  kind: StoredFileKind,
  url: string,
  maxBytes: number,
): Promise<StoredFile> {
  const { ext, contentType } = STORED_FILE_TYPES[kind];
  const source = await openSource(url, LABELS[kind], maxBytes);
  try {
    return await storage.put(prefix, ext, source.body, { contentType, maxBytes, expectedBytes: source.contentLength });
  } catch (error) {
    // A file over the cap stays over it; a short or long read (a cut connection) may come whole next time.
    if (error instanceof MediaSizeError) {
      throw new CopyFailure(`HeyGen's ${LABELS[kind]}: ${error.message}.`, error.reason === "size_mismatch");
    }
    throw error;
  }
}

/** The stored SRT, read back (at most MAX_SRT_BYTES) and stored again as WebVTT, the format browsers' <track> reads. */
async function storeWebVtt(storage: MediaStorage, prefix: string, srt: StoredFile): Promise<StoredFile> {
  const stored = await storage.read(srt.key);
  if (!stored) throw new CopyFailure("The captions just stored could not be read back.", true);
  let vtt: string;
  try {
    vtt = srtToWebVtt(await text(stored));
  } catch {
    throw new CopyFailure("HeyGen's captions are not readable SRT.", true);
  }
  const { ext, contentType } = STORED_FILE_TYPES.vtt;
  const body = Readable.from([Buffer.from(vtt, "utf8")]);
  return storage.put(prefix, ext, body, { contentType, maxBytes: 2 * MAX_SRT_BYTES });
}
