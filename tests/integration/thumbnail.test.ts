import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/videos/[id]/thumbnail/route";
import { db } from "@/server/db";
import { completedVideo } from "../support/completed-video";
import { heygenRequests } from "../support/heygen";
import { getRequest, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { changesHeard } from "../support/video-changes";

const fetchThumbnail = async (id: string) => {
  const request = getRequest(`/api/videos/${encodeURIComponent(id)}/thumbnail`);
  const { response } = await callRoute(() => GET(request, { params: Promise.resolve({ id }) }));
  return response;
};

const MINUTE = 60 * 1000;

describe("GET /api/videos/[id]/thumbnail (share previews' og:image)", () => {
  it("redirects to the presigned thumbnail, cacheable for a few minutes", async () => {
    const video = await completedVideo();
    const response = await fetchThumbnail(video.id);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(video.thumbnailUrl);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300");
    expect(heygenRequests).toEqual([]);
  });

  it("renews an expiring URL from HeyGen before redirecting to it", async () => {
    const video = await completedVideo({
      thumbnailUrl: "https://resource.heygen.ai/old.jpg",
      mediaExpiresAt: new Date(Date.now() + 10 * MINUTE),
    });
    const response = await fetchThumbnail(video.id);
    expect(heygenRequests).toEqual([`GET /v3/videos/${video.heygenVideoId}`]);
    expect(response.headers.get("location")).toMatch(new RegExp(`/media/${video.heygenVideoId}\\.jpg\\?Expires=\\d+`));
  });

  it("is not cached past the URL's expiry when it could not be renewed", async () => {
    const video = await completedVideo({ heygenVideoId: null, mediaExpiresAt: new Date(Date.now() + 2 * MINUTE) });
    const cacheControl = (await fetchThumbnail(video.id)).headers.get("cache-control");
    expect(Number(cacheControl?.match(/^public, max-age=\d+, s-maxage=(\d+)$/)?.[1])).toBeLessThanOrEqual(120);
    await db.video.update({ where: { id: video.id }, data: { mediaExpiresAt: new Date(Date.now() - MINUTE) } });
    await changesHeard(); // the cached row is dropped
    expect((await fetchThumbnail(video.id)).headers.get("cache-control")).toBe("no-store");
  });

  it.each([
    ["an unknown video", async () => "nosuchvideo0000000000000"],
    [
      "a video still rendering",
      async () => (await db.video.create({ data: { ...videoRow, status: "PROCESSING" } })).id,
    ],
    ["a finished video without a thumbnail", async () => (await completedVideo({ thumbnailUrl: null })).id],
  ])("answers 404 for %s", async (_label, idOf) => {
    const response = await fetchThumbnail(await idOf());
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });
});
