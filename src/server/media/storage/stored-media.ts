import "server-only";
import { z } from "@/lib/zod";

/** The files a stored video has: the MP4, its poster, HeyGen's SRT captions and the same as WebVTT. */
export const STORED_FILE_KINDS = ["video", "thumbnail", "srt", "vtt"] as const;
export type StoredFileKind = (typeof STORED_FILE_KINDS)[number];

/** Each kind's extension in keys and URLs (`/media/{videoId}/{sha8}.{ext}`) and its Content-Type. */
export const STORED_FILE_TYPES: Record<StoredFileKind, { ext: string; contentType: string }> = {
  video: { ext: "mp4", contentType: "video/mp4" },
  thumbnail: { ext: "jpg", contentType: "image/jpeg" },
  srt: { ext: "srt", contentType: "application/x-subrip" },
  vtt: { ext: "vtt", contentType: "text/vtt; charset=utf-8" },
};

const storedFile = z.object({
  /** The object's key in its storage: `videos/{videoId}/{sha8}.{ext}` (content-addressed, never overwritten). */
  key: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  /** Hex SHA-256 of the bytes; its first 8 characters name the file in URLs, so a URL is cacheable forever. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  contentType: z.string().min(1),
});
export type StoredFile = z.infer<typeof storedFile>;

/** Video.storedMedia: where our copy lives. Only `video` is required (a render may have no poster or captions). */
export const storedMediaSchema = z.object({
  storage: z.enum(["local", "s3"]),
  files: z.object({
    video: storedFile,
    thumbnail: storedFile.optional(),
    srt: storedFile.optional(),
    vtt: storedFile.optional(),
  }),
});
export type StoredMedia = z.infer<typeof storedMediaSchema>;

/** The row's storedMedia, or null when there is none or it does not parse (then HeyGen's URLs are served). */
export function parseStoredMedia(value: unknown): StoredMedia | null {
  if (value === null || value === undefined) return null;
  const parsed = storedMediaSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The key prefix of every object of one video: removing it removes them all. */
export const videoKeyPrefix = (videoId: string) => `videos/${videoId}/`;
