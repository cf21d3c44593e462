import "server-only";
import type { Readable } from "node:stream";
import type { StoredFile } from "./stored-media";

/** An inclusive byte range, as HTTP's Range header names it. */
export type ByteRange = { start: number; end: number };

export type PutOptions = {
  contentType: string;
  /** The body may not be larger: the write stops at once past it, and nothing is kept (MediaSizeError "too_large"). */
  maxBytes: number;
  /** The source's Content-Length, when it said one: any other count keeps nothing (MediaSizeError "size_mismatch"). */
  expectedBytes?: number;
};

/** A write refused for its size; nothing was kept. */
export class MediaSizeError extends Error {
  constructor(
    readonly reason: "too_large" | "size_mismatch",
    message: string,
  ) {
    super(message);
    this.name = "MediaSizeError";
  }
}

/**
 * Where copies of finished videos live: local disk (MEDIA_STORAGE=local, the default) or any S3-compatible service
 * (MEDIA_STORAGE=s3). Objects are content-addressed and never overwritten: `put` chooses the key from the bytes.
 */
export interface MediaStorage {
  readonly kind: "local" | "s3";
  /**
   * Streams `body` (never held whole in memory) to `${prefix}${sha256.slice(0, 8)}.${ext}`, counting and hashing as it
   * goes. The object appears under its final key only once every byte was written and the size checks passed; a
   * failed or refused write leaves nothing behind.
   */
  put(prefix: string, ext: string, body: Readable, options: PutOptions): Promise<StoredFile>;
  /** The object's bytes (all, or one inclusive range), streamed; null when there is no such object. */
  read(key: string, range?: ByteRange): Promise<Readable | null>;
  /**
   * A URL a browser may fetch the object from directly, or null when the app serves the bytes itself through `read`:
   * the public copy's URL (MEDIA_PUBLIC_URL) when `published` says it exists and no download is asked for, else a
   * short-lived presigned GET. `downloadName` asks for Content-Disposition: attachment.
   */
  directUrl(key: string, options?: { downloadName?: string; published?: boolean }): Promise<string | null>;
  /** Removes every object whose key starts with `prefix` (nothing there is not an error). */
  removeAll(prefix: string): Promise<void>;
  /**
   * Copies the files (server-side) to the public location that MEDIA_PUBLIC_URL serves, for a video viewers may see;
   * again is harmless. Nothing to do where there is no public location (local disk: only the app serves MEDIA_DIR).
   */
  publish(files: StoredFile[]): Promise<void>;
  /** Removes the public copies of every object under `prefix` (a video hidden or deleted); none there is no error. */
  unpublish(prefix: string): Promise<void>;
}
