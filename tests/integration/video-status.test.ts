import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/videos/[id]/route";
import { db } from "@/server/db";
import { getRequest, videoRow } from "../support/requests";

const fetchVideo = (id: string) => GET(getRequest(`/api/videos/${encodeURIComponent(id)}`), { params: Promise.resolve({ id }) });

describe("GET /api/videos/[id]", () => {
  it("returns the public fields only, uncached while the video renders", async () => {
    const video = await db.video.create({ data: { ...videoRow, status: "PROCESSING", heygenVideoId: "secret-ish" } });
    const response = await fetchVideo(video.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      id: video.id,
      title: "Welcome",
      status: "PROCESSING",
      aspectRatio: "16:9",
      resolution: "1080p",
      videoUrl: null,
      thumbnailUrl: null,
      subtitleUrl: null,
      duration: null,
      error: null,
      unconfirmed: false,
      createdAt: video.createdAt.toISOString(),
      completedAt: null,
    });
  });

  it("lets a finished video be cached briefly", async () => {
    const video = await db.video.create({
      data: { ...videoRow, status: "COMPLETED", videoUrl: "https://cdn.test/v.mp4", completedAt: new Date() },
    });
    const response = await fetchVideo(video.id);
    expect(response.headers.get("cache-control")).toMatch(/max-age=\d+/);
    expect((await response.json()).videoUrl).toBe("https://cdn.test/v.mp4");
  });

  it("answers 404 for an unknown id", async () => {
    const response = await fetchVideo("does-not-exist");
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });
});
