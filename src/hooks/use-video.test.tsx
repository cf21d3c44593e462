import { HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { justCompleted, renderingVideo, withDetails } from "../../tests/support/client-video";
import { asked, elapse, holdGets, renderWithSwr } from "../../tests/support/dom";
import { useVideo } from "./use-video";

describe("useVideo: one video, live", () => {
  it("shows the page's video at once, then each version its watch delivers", async () => {
    const video = renderingVideo();
    const held = holdGets("/api/videos/:id");
    const { result } = renderWithSwr(() => useVideo(video));
    expect(result.current.data).toEqual(video);

    await elapse(0);
    const completed = justCompleted(video);
    held[0]!.answer(HttpResponse.json(completed));
    await elapse(0);
    expect(result.current.data).toEqual(completed);
    expect(result.current.error).toBeUndefined();
  });

  it("shares one watch between every component showing the video", async () => {
    const video = renderingVideo();
    holdGets("/api/videos/:id");
    const { result } = renderWithSwr(() => [useVideo(video), useVideo(video)]);
    await elapse(60_000);
    expect(asked()).toEqual([`/api/videos/${video.id}?wait=25`]);
    expect(result.current.map(({ data }) => data)).toEqual([video, video]);
  });

  it("reports a failed request and keeps the version it had", async () => {
    const video = renderingVideo();
    const held = holdGets("/api/videos/:id");
    const { result } = renderWithSwr(() => useVideo(video));
    await elapse(0);
    held[0]!.answer(HttpResponse.json({ error: { message: "Database unavailable" } }, { status: 503 }));
    await elapse(0);
    expect(result.current.error).toEqual(new Error("Request failed (503)"));
    expect(result.current.data).toEqual(video);
  });

  it("refreshMedia asks for freshly signed media URLs and shows them", async () => {
    const video = withDetails(renderingVideo());
    const held = holdGets("/api/videos/:id");
    const { result } = renderWithSwr(() => useVideo(video));
    const refreshed = { ...video, videoUrl: `${video.videoUrl}?signed=later` };
    const refreshing = result.current.refreshMedia();
    await elapse(0);
    // Beside the watch's own long-poll (a settled video is watched on: it may still be hidden or deleted).
    expect(asked().sort()).toEqual([`/api/videos/${video.id}?fresh=1`, `/api/videos/${video.id}?wait=25`]);
    held.find(({ request }) => request.url.endsWith("?fresh=1"))!.answer(HttpResponse.json(refreshed));
    await refreshing;
    await elapse(0);
    expect(result.current.data).toEqual(refreshed);
  });

  it("stops watching when the last component showing the video goes", async () => {
    const video = renderingVideo();
    const held = holdGets("/api/videos/:id");
    const { unmount } = renderWithSwr(() => useVideo(video));
    await elapse(0);
    unmount();
    await elapse(60_000);
    expect(held[0]!.request.signal.aborted).toBe(true);
    expect(asked()).toHaveLength(1);
  });
});
