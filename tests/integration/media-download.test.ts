import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { GET, HEAD } from "@/app/media/[id]/download/route";
import { db } from "@/server/db";
import { mediaStorage } from "@/server/media/storage";
import { completedVideo } from "../support/completed-video";
import { heygenRequests } from "../support/heygen";
import { videoRow } from "../support/requests";
import { sampleMedia, storeMedia } from "../support/stored-media";
import { TEST_ENV } from "../support/test-env";

const download = (id: string, headers: Record<string, string> = {}, method = "GET") => {
  const request = new NextRequest(`${TEST_ENV.APP_URL}/media/${id}/download`, { method, headers });
  return (method === "HEAD" ? HEAD : GET)(request, { params: Promise.resolve({ id }) });
};

describe("GET /media/[id]/download (the watch page's Download)", () => {
  it("answers the stored MP4 as an attachment named after the title", async () => {
    const video = await completedVideo({ title: "Spring launch: welcome/intro" });
    await storeMedia(video.id);
    const response = await download(video.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="Spring launch welcome intro.mp4"');
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("cache-control")).not.toMatch(/immutable/);
    expect(Buffer.from(await response.arrayBuffer()).equals((await sampleMedia()).video)).toBe(true);
    const head = await download(video.id, { range: "bytes=0-9" }, "HEAD");
    expect([head.status, head.headers.get("content-range"), head.body]).toEqual([206, "bytes 0-9/45038", null]);
    expect(heygenRequests).toEqual([]);
  });

  it("names a title beyond ASCII in UTF-8 too, and an empty one 'video'", async () => {
    const video = await completedVideo({ title: "Grüße, 東京" });
    await storeMedia(video.id);
    expect((await download(video.id)).headers.get("content-disposition")).toBe(
      `attachment; filename="Gr??e, ??.mp4"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%2C%20%E6%9D%B1%E4%BA%AC.mp4`,
    );
    const untitled = await completedVideo({ title: "  ..//  " });
    await storeMedia(untitled.id);
    expect((await download(untitled.id)).headers.get("content-disposition")).toBe("attachment; filename=video.mp4"); // a token needs no quotes
  });

  it("asks storage with a URL of its own for one with that disposition, and redirects there", async () => {
    const video = await completedVideo({ title: "Bucket" });
    const { files } = await storeMedia(video.id);
    const presigned = "https://bucket.example/x.mp4?response-content-disposition=attachment&X-Amz-Signature=abc";
    const directUrl = vi.spyOn(mediaStorage(), "directUrl").mockResolvedValue(presigned);
    const response = await download(video.id);
    expect([response.status, response.headers.get("location")]).toEqual([302, presigned]);
    expect(directUrl).toHaveBeenCalledWith(files.video.key, { downloadName: "Bucket.mp4" });
  });

  it("sends the browser to HeyGen's URL until the copy is stored; 404 for a video not finished or unknown", async () => {
    const video = await completedVideo();
    const response = await download(video.id);
    expect([response.status, response.headers.get("location")]).toEqual([302, video.videoUrl]);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const rendering = await db.video.create({ data: { ...videoRow, status: "PROCESSING" } });
    expect((await download(rendering.id)).status).toBe(404);
    expect((await download("nosuchvideo0000000000000")).status).toBe(404);
  });
});
