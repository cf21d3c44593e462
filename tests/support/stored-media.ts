import { readFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { db } from "@/server/db";
import { mediaStorage } from "@/server/media/storage";
import { changesHeard } from "./video-changes";
import { STORED_FILE_TYPES, videoKeyPrefix, type StoredMedia } from "@/server/media/storage/stored-media";

const SAMPLES = path.join(import.meta.dirname, "../../src/mocks/heygen/media");

/** The fake HeyGen's sample files: what a copy of its render holds. */
export const sampleMedia = async () => ({
  video: await readFile(path.join(SAMPLES, "sample.mp4")),
  thumbnail: await readFile(path.join(SAMPLES, "sample.jpg")),
  srt: await readFile(path.join(SAMPLES, "sample.srt")),
  vtt: Buffer.from(
    "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nStored line one\n\n00:00:02.000 --> 00:00:04.500\nStored line two\n",
  ),
});

type Files = Partial<Record<keyof StoredMedia["files"], Buffer>>;

/**
 * What the copy job leaves behind (it is another part's work): each file put into the configured storage, then
 * Video.storedMedia and mediaStoredAt written. Only the files given are stored (`video` is required).
 */
export async function storeMedia(videoId: string, files?: Files): Promise<StoredMedia> {
  const given = files ?? (await sampleMedia());
  const storage = mediaStorage();
  const stored: Partial<StoredMedia["files"]> = {};
  for (const [kind, bytes] of Object.entries(given) as [keyof StoredMedia["files"], Buffer][]) {
    const { ext, contentType } = STORED_FILE_TYPES[kind];
    stored[kind] = await storage.put(videoKeyPrefix(videoId), ext, Readable.from([bytes]), {
      contentType,
      maxBytes: 1 << 30,
    });
  }
  const storedMedia = { storage: storage.kind, files: stored } as StoredMedia;
  await db.video.update({ where: { id: videoId }, data: { storedMedia, mediaStoredAt: new Date() } });
  await changesHeard(); // this process's cached row is dropped: the next read sees the copy
  return storedMedia;
}
