import { rm } from "node:fs/promises";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { DELETE } from "@/app/api/admin/videos/[id]/route";
import { GET, HEAD } from "@/app/media/[id]/[file]/route";
import { logger } from "@/server/logger";
import { mediaStorage } from "@/server/media/storage";
import { completedVideo } from "../support/completed-video";
import { heygenRequests } from "../support/heygen";
import { adminCookie } from "../support/requests";
import { sampleMedia, storeMedia } from "../support/stored-media";
import { TEST_ENV } from "../support/test-env";
import { changesHeard } from "../support/video-changes";

const FOREVER = "public, max-age=31536000, immutable";

const fetchMedia = (id: string, file: string, headers: Record<string, string> = {}, method = "GET") => {
  const request = new NextRequest(`${TEST_ENV.APP_URL}/media/${id}/${file}`, { method, headers });
  return (method === "HEAD" ? HEAD : GET)(request, { params: Promise.resolve({ id, file }) });
};

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

/** A finished video with its copy stored, and the file name of each stored file (`{sha8}.{ext}`). */
async function storedVideo() {
  const video = await completedVideo();
  const stored = await storeMedia(video.id);
  const name = (kind: keyof typeof stored.files) => stored.files[kind]!.key.split("/").pop()!;
  return { video, stored, name, samples: await sampleMedia() };
}

describe("GET /media/[id]/[sha8].[ext] (a stored video's files)", () => {
  it("serves the whole MP4 with its type, length, ETag and a Cache-Control for ever, asking HeyGen nothing", async () => {
    const { video, stored, name, samples } = await storedVideo();
    const response = await fetchMedia(video.id, name("video"));
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "video/mp4",
      "content-length": String(samples.video.length),
      "accept-ranges": "bytes",
      etag: `"${stored.files.video.sha256}"`,
      "cache-control": FOREVER,
    });
    expect((await bytesOf(response)).equals(samples.video)).toBe(true);
    expect(heygenRequests).toEqual([]);
  });

  it.each([
    ["the first bytes", "bytes=0-99", 0, 99],
    ["the middle", "bytes=20000-21023", 20000, 21023],
    ["the last bytes", "bytes=45000-", 45000, 45037],
    ["a suffix", "bytes=-500", 45038 - 500, 45037],
    ["a range running past the end (cut at the end)", "bytes=45030-99999", 45030, 45037],
  ])("answers %s with 206 and exactly those bytes", async (_label, range, start, end) => {
    const { video, name, samples } = await storedVideo();
    expect(samples.video.length).toBe(45038); // the ranges above are written for media/sample.mp4
    const response = await fetchMedia(video.id, name("video"), { range });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/45038`);
    expect(response.headers.get("content-length")).toBe(String(end - start + 1));
    expect(response.headers.get("cache-control")).toBe(FOREVER);
    expect((await bytesOf(response)).equals(samples.video.subarray(start, end + 1))).toBe(true);
  });

  it.each([
    ["beyond the end", "bytes=45038-45100"],
    ["an empty suffix", "bytes=-0"],
    ["a range that does not parse", "bytes=abc"],
    ["no unit", "0-99"],
  ])("answers 416 with the size for %s", async (_label, range) => {
    const { video, name } = await storedVideo();
    const response = await fetchMedia(video.id, name("video"), { range });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe("bytes */45038");
  });

  it("answers several ranges with the whole file, and a Range under a stale If-Range with the whole file too", async () => {
    const { video, name, samples } = await storedVideo();
    const several = await fetchMedia(video.id, name("video"), { range: "bytes=0-9,100-109" });
    expect(several.status).toBe(200);
    expect((await bytesOf(several)).length).toBe(samples.video.length);
    const stale = await fetchMedia(video.id, name("video"), { range: "bytes=0-9", "if-range": '"another"' });
    expect(stale.status).toBe(200);
    const current = await fetchMedia(video.id, name("video"), {
      range: "bytes=0-9",
      "if-range": stale.headers.get("etag")!,
    });
    expect(current.status).toBe(206);
  });

  it("answers HEAD with the headers alone, and If-None-Match with 304", async () => {
    const { video, stored, name, samples } = await storedVideo();
    const head = await fetchMedia(video.id, name("video"), {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(samples.video.length));
    expect(head.body).toBeNull();
    const ranged = await fetchMedia(video.id, name("video"), { range: "bytes=10-19" }, "HEAD");
    expect([ranged.status, ranged.headers.get("content-range"), ranged.body]).toEqual([206, "bytes 10-19/45038", null]);

    const etag = `"${stored.files.video.sha256}"`;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const response = await fetchMedia(video.id, name("video"), { "if-none-match": ifNoneMatch });
      expect(response.status, ifNoneMatch).toBe(304);
      expect(response.headers.get("etag")).toBe(etag);
      expect(response.body).toBeNull();
    }
    expect((await fetchMedia(video.id, name("video"), { "if-none-match": '"other"' })).status).toBe(200);
  });

  it("serves the thumbnail, the SRT and the WebVTT with their own types", async () => {
    const { video, name, samples } = await storedVideo();
    for (const [kind, type] of [
      ["thumbnail", "image/jpeg"],
      ["srt", "application/x-subrip"],
      ["vtt", "text/vtt; charset=utf-8"],
    ] as const) {
      const response = await fetchMedia(video.id, name(kind));
      expect(response.headers.get("content-type"), kind).toBe(type);
      expect((await bytesOf(response)).equals(samples[kind]), kind).toBe(true);
    }
  });

  it("answers 404 for a wrong hash, another kind's extension, an unknown video and one not stored", async () => {
    const { video, name } = await storedVideo();
    const [sha8] = name("video").split(".");
    const notStored = await completedVideo();
    for (const [id, file] of [
      [video.id, `${sha8 === "00000000" ? "11111111" : "00000000"}.mp4`],
      [video.id, `${sha8}.jpg`],
      [video.id, `${sha8}.mp3`],
      [video.id, `${sha8}.mp4.bak`],
      [video.id, "download.mp4"],
      ["nosuchvideo0000000000000", name("video")],
      [notStored.id, name("video")],
    ]) {
      const response = await fetchMedia(id!, file!);
      expect(response.status, `${id}/${file}`).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
  });

  it("answers 404, and logs it, when the row names a file the storage no longer has", async () => {
    const { video, stored, name } = await storedVideo();
    await rm(path.join(process.env.MEDIA_DIR!, stored.files.video.key));
    const error = vi.spyOn(logger, "error");
    expect((await fetchMedia(video.id, name("video"))).status).toBe(404);
    expect(error).toHaveBeenCalledWith(
      { videoId: video.id, key: stored.files.video.key },
      "a stored media file is missing from storage",
    );
    expect((await fetchMedia(video.id, name("thumbnail"))).status).toBe(200);
  });

  it("answers 404 as soon as the video is deleted", async () => {
    const { video, name } = await storedVideo();
    expect((await fetchMedia(video.id, name("video"))).status).toBe(200); // now in this instance's cache
    const request = new NextRequest(`${TEST_ENV.APP_URL}/api/admin/videos/${video.id}`, {
      method: "DELETE",
      headers: { cookie: await adminCookie() },
    });
    expect((await DELETE(request, { params: Promise.resolve({ id: video.id }) })).status).toBe(200);
    await changesHeard(); // the delete's notification has reached this instance's cache
    for (const kind of ["video", "thumbnail", "vtt"] as const) {
      expect((await fetchMedia(video.id, name(kind))).status, kind).toBe(404);
    }
  });

  it("redirects to the storage's own URL when it gives one, briefly cached and never immutable", async () => {
    const { video, stored, name } = await storedVideo();
    const presigned = "https://bucket.example/videos/x.mp4?X-Amz-Expires=3600&X-Amz-Signature=abc";
    const directUrl = vi.spyOn(mediaStorage(), "directUrl").mockResolvedValue(presigned);
    const response = await fetchMedia(video.id, name("video"), { range: "bytes=0-99" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(presigned);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=60");
    // No public copy recorded yet (src/server/media/public-copy/): the storage is not told it may name one.
    expect(directUrl).toHaveBeenCalledWith(stored.files.video.key, { downloadName: undefined, published: false });
  });
});
