import { HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { videoEtag } from "@/lib/video-etag";
import type { PublicVideo } from "@/lib/video";
import { failed, justCompleted, renderingVideo, withDetails } from "../../tests/support/client-video";
import { asked, elapse, holdGets, setVisibility } from "../../tests/support/dom";
import { SETTLED_POLL_MS, VIDEO_POLL_MS, VideoGoneError, watchVideo } from "./watch-video";

const notModified = () => new HttpResponse(null, { status: 304 });
/** The status route's answer: the video, and its version as the ETag. */
const changed = (video: PublicVideo, etag: string | null = `"${video.status}-${video.settled}"`) =>
  HttpResponse.json(video, { headers: etag ? { etag } : {} });

/** A watch of `video`, every request held until the test answers it; what it delivered and what went wrong. */
function watch(video: PublicVideo) {
  const held = holdGets("/api/videos/:id");
  const onVideo = vi.fn();
  const onError = vi.fn();
  const watching = watchVideo(video, onVideo, onError);
  return { held, onVideo, onError, stop: watching.stop, path: `/api/videos/${video.id}` };
}

describe("watchVideo: the viewer's long-poll loop", () => {
  it("holds one conditional long-poll per wait, asking with the version the page rendered", async () => {
    const video = renderingVideo();
    const { held, path, stop } = watch(video);
    await elapse(0);
    expect(asked()).toEqual([`${path}?wait=25`]);
    expect(held[0]!.request.headers.get("if-none-match")).toBe(videoEtag(video));

    // The server holds it up to 25 s: nothing else is asked meanwhile.
    await elapse(25_000);
    expect(asked()).toHaveLength(1);
    held[0]!.answer(notModified());
    await elapse(0);
    // Its wait is up with nothing new: the next wait starts at once, for the same version.
    expect(asked()).toEqual([`${path}?wait=25`, `${path}?wait=25`]);
    expect(held[1]!.request.headers.get("if-none-match")).toBe(videoEtag(video));
    stop();
  });

  it("delivers each new version and asks next for the one after it (its ETag, or its own hash without one)", async () => {
    const video = renderingVideo({ status: "PENDING" });
    const { held, onVideo, onError, stop } = watch(video);
    await elapse(0);
    const rendering = { ...video, status: "PROCESSING" as const };
    held[0]!.answer(changed(rendering, '"v2"'));
    await elapse(0);
    expect(onVideo).toHaveBeenLastCalledWith(rendering);
    expect(held[1]!.request.headers.get("if-none-match")).toBe('"v2"');

    const unconfirmed = { ...rendering, unconfirmed: true };
    held[1]!.answer(changed(unconfirmed, null));
    await elapse(0);
    expect(onVideo).toHaveBeenLastCalledWith(unconfirmed);
    expect(held[2]!.request.headers.get("if-none-match")).toBe(videoEtag(unconfirmed));
    expect(asked()).toHaveLength(3);
    expect(onError).not.toHaveBeenCalled();
    stop();
  });

  it("paces itself at plain polling when a 'not modified' comes back at once (the wait was not held)", async () => {
    const { held, path, stop } = watch(renderingVideo());
    await elapse(0);
    held[0]!.answer(notModified());
    await elapse(VIDEO_POLL_MS - 1);
    expect(asked()).toHaveLength(1);
    await elapse(1);
    expect(asked()).toEqual([`${path}?wait=25`, `${path}?wait=25`]);
    stop();
  });

  it("after a failed request, asks plainly every VIDEO_POLL_MS until one succeeds, then long-polls again", async () => {
    const video = renderingVideo();
    const { held, path, onVideo, onError, stop } = watch(video);
    await elapse(0);
    held[0]!.answer(HttpResponse.json({ error: { message: "Database unavailable" } }, { status: 503 }));
    await elapse(VIDEO_POLL_MS - 1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.lastCall![0]).toEqual(new Error("Request failed (503)"));
    expect(asked()).toHaveLength(1);

    await elapse(1);
    expect(asked()).toEqual([`${path}?wait=25`, path]);
    held[1]!.answer(HttpResponse.error()); // the network, this time
    await elapse(VIDEO_POLL_MS);
    expect(onError).toHaveBeenCalledTimes(2);
    expect(asked()).toEqual([`${path}?wait=25`, path, path]);

    const completed = justCompleted(video);
    held[2]!.answer(changed(completed));
    await elapse(0);
    expect(onVideo).toHaveBeenLastCalledWith(completed);
    expect(asked()).toEqual([`${path}?wait=25`, path, path, `${path}?wait=25`]);
    expect(onError).toHaveBeenCalledTimes(2);
    stop();
  });

  it("asks nothing while the tab is hidden, and asks as soon as it is shown", async () => {
    setVisibility("hidden");
    const { path, stop } = watch(renderingVideo());
    await elapse(60_000);
    expect(asked()).toEqual([]);
    setVisibility("visible");
    await elapse(0);
    expect(asked()).toEqual([`${path}?wait=25`]);
    stop();
  });

  it("pauses its fallback polling while the tab is hidden", async () => {
    const { held, path, stop } = watch(renderingVideo());
    await elapse(0);
    held[0]!.answer(HttpResponse.error());
    await elapse(0);
    setVisibility("hidden");
    await elapse(60_000);
    expect(asked()).toHaveLength(1);
    setVisibility("visible");
    await elapse(0);
    expect(asked()).toEqual([`${path}?wait=25`, path]);
    stop();
  });

  it("stop() ends the request it holds, reports no error for it, and asks nothing more", async () => {
    const { held, onError, stop } = watch(renderingVideo());
    await elapse(0);
    stop();
    await elapse(0);
    expect(held[0]!.request.signal.aborted).toBe(true);
    await elapse(60_000);
    expect(asked()).toHaveLength(1);
    expect(onError).not.toHaveBeenCalled();
  });

  // A settled video (failed, or completed with its details) will not render again, but an admin may still hide or
  // delete it: the page keeps its long-poll, and a 404 ends the watch for good.
  it("keeps long-polling a video that failed or was settled already", async () => {
    const video = renderingVideo();
    const { held, path, onVideo, stop } = watch(video);
    await elapse(0);
    const refused = failed(video);
    held[0]!.answer(changed(refused));
    await elapse(0);
    expect(onVideo).toHaveBeenCalledWith(refused);
    expect(asked()).toEqual([`${path}?wait=25`, `${path}?wait=25`]);
    expect(held[1]!.request.headers.get("if-none-match")).toBe(`"FAILED-true"`);
    stop();

    const settled = withDetails(renderingVideo());
    const second = watch(settled);
    await elapse(0);
    expect(asked().slice(2)).toEqual([`${second.path}?wait=25`]);
    expect(second.held[0]!.request.headers.get("if-none-match")).toBe(videoEtag(settled));
    second.stop();
  });

  it("a settled video's fallback is slower: SETTLED_POLL_MS when the server did not hold the wait", async () => {
    const { held, path, stop } = watch(withDetails(renderingVideo()));
    await elapse(0);
    held[0]!.answer(notModified());
    await elapse(SETTLED_POLL_MS - 1);
    expect(asked()).toHaveLength(1);
    await elapse(1);
    expect(asked()).toEqual([`${path}?wait=25`, `${path}?wait=25`]);
    stop();
  });

  it.each([
    ["a finished video", () => withDetails(renderingVideo())],
    ["a video still rendering", () => renderingVideo()],
  ])("stops for good when %s answers 404 (deleted or hidden), saying it is gone", async (_label, video) => {
    const { held, onVideo, onError } = watch(video());
    await elapse(0);
    held[0]!.answer(HttpResponse.json({ error: { message: "No video with this id." } }, { status: 404 }));
    await elapse(0);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.lastCall![0]).toBeInstanceOf(VideoGoneError);
    expect(onVideo).not.toHaveBeenCalled();
    await elapse(10 * 60_000);
    expect(asked()).toHaveLength(1);
  });

  it("keeps watching a completed video once the server says it is settled, at the new version", async () => {
    const video = renderingVideo();
    const { held, path, onVideo, stop } = watch(video);
    await elapse(0);
    const completed = justCompleted(video);
    held[0]!.answer(changed(completed));
    await elapse(0);
    expect(onVideo).toHaveBeenLastCalledWith(completed);
    expect(asked()).toEqual([`${path}?wait=25`, `${path}?wait=25`]);

    const settled = withDetails(video);
    held[1]!.answer(changed(settled));
    await elapse(0);
    expect(onVideo).toHaveBeenLastCalledWith(settled);
    expect(asked()).toHaveLength(3);
    expect(held[2]!.request.headers.get("if-none-match")).toBe(`"COMPLETED-true"`);
    stop();
  });
});
