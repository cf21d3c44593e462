import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { localStorage } from "@/server/media/storage/local-storage";
import { MediaSizeError, type MediaStorage } from "@/server/media/storage/media-storage";
import { s3Storage } from "@/server/media/storage/s3-storage";
import { heygenServer } from "../support/heygen";
import { startS3Server, type S3TestServer } from "../support/s3-server";

// One contract, two storages: every case below runs against local disk and against a real S3-protocol server.
let s3: S3TestServer;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3?.stop());
beforeEach(() => heygenServer.use(s3.passthrough));

type Subject = { storage: MediaStorage; leftovers: () => Promise<string[]> };

const subjects: Record<"local" | "s3", () => Promise<Subject>> = {
  async local() {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "media-"));
    return { storage: localStorage(dir), leftovers: () => filesUnder(dir) };
  },
  async s3() {
    const config = await s3.newBucket();
    return { storage: s3Storage(config), leftovers: () => s3.keys(config.bucket) };
  },
};

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** `size` bytes of a repeating but not uniform pattern, so that a wrong range shows. */
const bytesOf = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + (i >> 8)) % 251));
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A source that makes `size` bytes in 64 KiB chunks on demand, and says how many were pulled from it. */
function lazySource(size: number) {
  const chunk = bytesOf(64 * 1024);
  let pulled = 0;
  const stream = new Readable({
    read() {
      if (pulled >= size) return void this.push(null);
      const next = chunk.subarray(0, Math.min(chunk.length, size - pulled));
      pulled += next.length;
      this.push(next);
    },
  });
  return { stream, pulled: () => pulled };
}

const read = async (storage: MediaStorage, key: string, range?: { start: number; end: number }) => {
  const stream = await storage.read(key, range);
  if (!stream) return null;
  return Buffer.concat(await stream.toArray());
};

const video = (size: number, maxBytes = 10 * 1024 ** 2) => ({
  body: Readable.from([bytesOf(size)]),
  options: { contentType: "video/mp4", maxBytes, expectedBytes: size },
});

describe.each(["local", "s3"] as const)("%s storage", (kind) => {
  let subject: Subject;
  beforeEach(async () => {
    subject = await subjects[kind]();
  });

  it("keeps a file under its content-addressed key and reads it back whole and by range", async () => {
    const bytes = bytesOf(300_000);
    const { body, options } = video(bytes.length);
    const stored = await subject.storage.put("videos/v1/", "mp4", body, options);

    expect(stored).toEqual({
      key: `videos/v1/${sha256(bytes).slice(0, 8)}.mp4`,
      bytes: bytes.length,
      sha256: sha256(bytes),
      contentType: "video/mp4",
    });
    expect(await subject.leftovers()).toEqual([stored.key]); // nothing temporary stays
    expect(await read(subject.storage, stored.key)).toEqual(bytes);
    expect(await read(subject.storage, stored.key, { start: 0, end: 99 })).toEqual(bytes.subarray(0, 100));
    expect(await read(subject.storage, stored.key, { start: 150_000, end: 151_023 })).toEqual(
      bytes.subarray(150_000, 151_024),
    );
    expect(await read(subject.storage, stored.key, { start: 299_990, end: 299_999 })).toEqual(bytes.subarray(299_990));
    expect(await read(subject.storage, "videos/v1/00000000.mp4")).toBeNull();
  });

  it("refuses a file past maxBytes as soon as it passes it, stops reading the source, and keeps nothing", async () => {
    // Past two of S3's 5 MiB parts: the multipart upload under way is aborted.
    const source = lazySource(64 * 1024 ** 2);
    const maxBytes = 12 * 1024 ** 2;
    const put = subject.storage.put("videos/v1/", "mp4", source.stream, { contentType: "video/mp4", maxBytes });

    await expect(put).rejects.toThrow(MediaSizeError);
    await expect(put).rejects.toMatchObject({ reason: "too_large" });
    expect(source.pulled()).toBeLessThan(24 * 1024 ** 2); // the write stopped early
    expect(source.stream.destroyed).toBe(true);
    expect(await subject.leftovers()).toEqual([]);
  });

  it("refuses a file whose size is not the Content-Length the source said, and keeps nothing", async () => {
    const { body, options } = video(10_000);
    const put = subject.storage.put("videos/v1/", "mp4", body, { ...options, expectedBytes: 10_001 });

    await expect(put).rejects.toMatchObject({ name: "MediaSizeError", reason: "size_mismatch" });
    expect(await subject.leftovers()).toEqual([]);
  });

  it("removeAll removes every object under the prefix and nothing else", async () => {
    const kept = await subject.storage.put("videos/v2/", "mp4", video(100).body, video(100).options);
    for (const [ext, size] of [
      ["mp4", 200],
      ["jpg", 300],
      ["vtt", 400],
    ] as const) {
      await subject.storage.put("videos/v1/", ext, video(size).body, video(size).options);
    }
    expect(await subject.leftovers()).toHaveLength(4);

    await subject.storage.removeAll("videos/v1/");
    expect(await subject.leftovers()).toEqual([kept.key]);
    await subject.storage.removeAll("videos/v1/"); // nothing there: not an error
    expect(await read(subject.storage, kept.key)).toHaveLength(100);
  });

  // V8 collects the chunks a stream leaves behind lazily (past ~64 MiB of them), and MSW, in these tests only, copies
  // each request's body: so growth is measured on a file large enough to tell a plateau from the file itself.
  it("streams a 256 MiB file: the process grows by less than half of it", { timeout: 90_000 }, async () => {
    const size = 256 * 1024 ** 2;
    const source = lazySource(size);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    try {
      const stored = await subject.storage.put("videos/big/", "mp4", source.stream, {
        contentType: "video/mp4",
        maxBytes: size,
        expectedBytes: size,
      });
      expect(stored.bytes).toBe(size);
    } finally {
      clearInterval(sampler);
    }
    const growthMiB = (peak - before) / 1024 ** 2;
    console.info(`${kind} storage: RSS grew ${growthMiB.toFixed(1)} MiB while storing 256 MiB`);
    expect(growthMiB).toBeLessThan(128);
  });
});

describe("s3 storage's removeAll", () => {
  it("pages through more objects than one listing returns", async () => {
    const config = await s3.newBucket();
    const keys = Array.from({ length: 7 }, (_, i) => `videos/v1/${i}.vtt`);
    await s3.putObjects(config.bucket, [...keys, "videos/v10/kept.vtt"]);

    // S3 lists 1,000 keys a page: the same, with pages of 2.
    await s3Storage({ ...config, listPageKeys: 2 }).removeAll("videos/v1/");
    expect(await s3.keys(config.bucket)).toEqual(["videos/v10/kept.vtt"]);
  });
});

describe("directUrl", () => {
  it("local storage has none: the app serves the bytes itself", async () => {
    const { storage } = await subjects.local();
    expect(await storage.directUrl("videos/v1/abcdef01.mp4")).toBeNull();
  });

  it("s3 storage presigns a GET that plain fetch can read, as an attachment when a download name is given", async () => {
    const config = await s3.newBucket();
    const storage = s3Storage(config);
    const bytes = bytesOf(5_000);
    const stored = await storage.put("videos/v1/", "mp4", Readable.from([bytes]), video(bytes.length).options);

    const url = await storage.directUrl(stored.key);
    expect(url).toMatch(
      new RegExp(`^${s3.endpoint}/${config.bucket}/videos/v1/[0-9a-f]{8}\\.mp4\\?.*X-Amz-Signature=`),
    );
    const plain = await fetch(url!);
    expect(plain.status).toBe(200);
    expect(Buffer.from(await plain.arrayBuffer())).toEqual(bytes);
    expect(plain.headers.get("content-disposition")).toBeNull();

    const download = await fetch((await storage.directUrl(stored.key, { downloadName: "Café «news».mp4" }))!);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="Cafe _news_.mp4"; filename*=UTF-8''Caf%C3%A9%20%C2%ABnews%C2%BB.mp4`,
    );
    expect(await text(Readable.from([Buffer.from(await download.arrayBuffer())]))).toHaveLength(5_000);
  });

  it("s3 storage with MEDIA_PUBLIC_URL names the public copy only when told it is published (downloads presigned)", async () => {
    const config = await s3.newBucket();
    const storage = s3Storage({ ...config, publicUrl: "https://cdn.example.com/media/" });
    expect(await storage.directUrl("videos/v1/abcdef01.mp4", { published: true })).toBe(
      "https://cdn.example.com/media/public/videos/v1/abcdef01.mp4",
    );
    // Not (yet) copied to the public prefix: presigned, never a public URL naming a missing or private object.
    expect(await storage.directUrl("videos/v1/abcdef01.mp4")).toContain("X-Amz-Signature=");
    expect(await storage.directUrl("videos/v1/abcdef01.mp4", { published: false })).toContain("X-Amz-Signature=");
    expect(await storage.directUrl("videos/v1/abcdef01.mp4", { downloadName: "a.mp4", published: true })).toContain(
      "response-content-disposition=attachment",
    );
  });
});

describe("public copies (publish, unpublish)", () => {
  /** What an anonymous browser gets at the URL the storage names for the published file. */
  const anonymous = async (url: string | null) => {
    const response = await fetch(url!);
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  };

  it("s3 with MEDIA_PUBLIC_URL: publish copies the files under public/, unpublish removes only those", async () => {
    const config = await s3.newBucket();
    // The bucket itself as the public base URL (s3rver serves any key to anyone: the policy is the operator's).
    const storage = s3Storage({ ...config, publicUrl: `${s3.endpoint}/${config.bucket}` });
    const bytes = bytesOf(2_000);
    const stored = await storage.put("videos/v1/", "mp4", Readable.from([bytes]), video(bytes.length).options);
    const other = await storage.put("videos/v2/", "mp4", video(100).body, video(100).options);
    const publicUrl = await storage.directUrl(stored.key, { published: true });
    expect((await anonymous(publicUrl)).status).toBe(404);

    await storage.publish([stored, other]);
    await storage.publish([stored]); // again: harmless
    const fetched = await anonymous(publicUrl);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(bytes);
    expect(fetched.headers.get("content-type")).toBe("video/mp4");
    // Removable later, so never `immutable`: caches let go of it within minutes.
    expect(fetched.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300");

    await storage.unpublish("videos/v1/");
    expect((await anonymous(publicUrl)).status).toBe(404);
    expect(await s3.keys(config.bucket)).toEqual([`public/${other.key}`, other.key, stored.key].sort());
    expect(await read(storage, stored.key)).toEqual(bytes); // the private original stays
  });

  it("s3 without MEDIA_PUBLIC_URL copies nothing (nothing serves a public prefix), and still unpublishes", async () => {
    const config = await s3.newBucket();
    const stored = await s3Storage(config).put("videos/v1/", "mp4", video(100).body, video(100).options);
    await s3Storage(config).publish([stored]);
    expect(await s3.keys(config.bucket)).toEqual([stored.key]);

    // Copies made while MEDIA_PUBLIC_URL was set do not outlive their video's publication once it is unset.
    await s3Storage({ ...config, publicUrl: "https://cdn.example.com" }).publish([stored]);
    await s3Storage(config).unpublish("videos/v1/");
    expect(await s3.keys(config.bucket)).toEqual([stored.key]);
  });

  it("local storage has no public location: publish and unpublish change nothing, and every URL is the app's", async () => {
    const { storage, leftovers } = await subjects.local();
    const stored = await storage.put("videos/v1/", "mp4", video(100).body, video(100).options);
    await storage.publish([stored]);
    expect(await leftovers()).toEqual([stored.key]);
    expect(await storage.directUrl(stored.key, { published: true })).toBeNull();
    await storage.unpublish("videos/v1/");
    expect(await leftovers()).toEqual([stored.key]);
  });
});
