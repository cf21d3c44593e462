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
   * A URL a browser may fetch the object from directly (MEDIA_PUBLIC_URL + key, or a short-lived presigned GET), or
   * null when the app serves the bytes itself through `read`. `downloadName` asks for Content-Disposition: attachment.
   */
  directUrl(key: string, options?: { downloadName?: string }): Promise<string | null>;
  /** Removes every object whose key starts with `prefix` (nothing there is not an error). */
  removeAll(prefix: string): Promise<void>;
}
