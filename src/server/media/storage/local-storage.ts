import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { StoredFile } from "./stored-media";
import type { ByteRange, MediaStorage, PutOptions } from "./media-storage";
import { sizeCheckedHash } from "./size-checked-hash";

/**
 * Bytes per chunk when reading: the media route hands each chunk through a web stream to the socket, at a fixed cost
 * per chunk, so fewer, larger chunks serve a range faster (fs's default is 64 KiB); a few hundred KiB per open
 * stream is still little memory for many viewers.
 */
const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Files under one directory (MEDIA_DIR): a write goes to `.incoming/` first and is renamed into place once complete
 * and checked, so a reader never sees half a file and a crash leaves only a stray temporary file.
 */
export function localStorage(dir: string): MediaStorage {
  const root = path.resolve(dir);
  const incoming = path.join(root, ".incoming");

  /** The file of a key, refusing any key that would leave the directory. */
  const fileOf = (key: string) => {
    const file = path.resolve(root, key);
    if (!file.startsWith(root + path.sep) || key.startsWith(".incoming")) throw new Error(`bad media key: ${key}`);
    return file;
  };

  return {
    kind: "local",

    async put(prefix, ext, body, options) {
      await fs.mkdir(incoming, { recursive: true });
      const temporary = path.join(incoming, randomUUID());
      try {
        const { bytes, sha256 } = await writeCounted(body, temporary, options);
        const key = `${prefix}${sha256.slice(0, 8)}.${ext}`;
        const file = fileOf(key);
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.rename(temporary, file);
        return { key, bytes, sha256, contentType: options.contentType } satisfies StoredFile;
      } finally {
        await fs.rm(temporary, { force: true });
      }
    },

    async read(key, range?: ByteRange) {
      // One open, no separate existence check: a missing file is the open's ENOENT.
      let handle: fs.FileHandle;
      try {
        handle = await fs.open(fileOf(key), "r");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
      return handle.createReadStream({ ...range, highWaterMark: READ_CHUNK_BYTES });
    },

    async directUrl() {
      return null;
    },

    async removeAll(prefix) {
      await fs.rm(fileOf(prefix), { recursive: true, force: true });
    },

    // MEDIA_DIR is served by nothing but the app's /media route, which asks the viewer gate: nothing is public.
    async publish() {},
    async unpublish() {},
  };
}

/** Streams `body` to `file`, hashing and counting; throws MediaSizeError past maxBytes or off expectedBytes. */
async function writeCounted(body: Readable, file: string, options: PutOptions) {
  const checked = sizeCheckedHash(options);
  await pipeline(body, checked.stream, createWriteStream(file));
  return checked.result();
}
