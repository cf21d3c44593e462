import { act } from "@testing-library/react";
import { useSWRConfig } from "swr";
import { describe, expect, it } from "vitest";
import { FIRST_PAGE, type AdminVideoPage } from "@/lib/video-list-query";
import { adminVideo, justCompleted, renderingVideo, withDetails } from "../../tests/support/client-video";
import { asked, elapse, gaps, nextFrame, renderWithSwr, serveJson, setVisibility } from "../../tests/support/dom";
import { isVideosKey, useVideos } from "./use-videos";
import { VIDEO_POLL_MS } from "./use-video";

const pageOf = (...videos: ReturnType<typeof adminVideo>[]): AdminVideoPage => ({ videos, nextCursor: null });
const settledPage = () => pageOf(adminVideo(withDetails(renderingVideo())));

describe("useVideos: a page of the admin list, live", () => {
  it("reads the view its query names, showing the page's own data until then", async () => {
    const initial = settledPage();
    const fresh = settledPage();
    serveJson("/api/admin/videos", () => fresh);
    const { result } = renderWithSwr(() => {
      const { data } = useVideos({ status: "ready", copy: "all", q: "news", cursor: "c1" }, initial);
      return { data };
    });
    expect(result.current.data).toEqual(initial);
    await nextFrame();
    expect(asked()).toEqual(["/api/admin/videos?status=ready&q=news&cursor=c1"]);
    expect(result.current.data).toEqual(fresh);
  });

  it("asks every VIDEO_POLL_MS while a video on the page renders, and stops once none does", async () => {
    const video = renderingVideo();
    const initial = pageOf(adminVideo(video));
    let page = initial;
    const reads = serveJson("/api/admin/videos", () => page);
    renderWithSwr(() => useVideos(FIRST_PAGE, initial));
    await elapse(3 * VIDEO_POLL_MS);
    // Its read on mount, then one per VIDEO_POLL_MS.
    expect(reads).toHaveLength(4);
    expect(gaps(reads.slice(1))).toEqual([VIDEO_POLL_MS, VIDEO_POLL_MS]);

    page = pageOf(adminVideo(withDetails(video)));
    await elapse(VIDEO_POLL_MS);
    expect(reads).toHaveLength(5);
    await elapse(60_000);
    expect(reads).toHaveLength(5);
  });

  it("asks nothing after its read on mount when every video on the page is settled", async () => {
    const reads = serveJson("/api/admin/videos", settledPage);
    const initial = settledPage();
    renderWithSwr(() => useVideos({ ...FIRST_PAGE, status: "ready" }, initial));
    await elapse(60_000);
    expect(reads).toHaveLength(1);
  });

  // The rule: a completed video is polled for until the server says `settled` (its poster and length in).
  it("keeps asking for a video completed a moment ago until it is settled", async () => {
    const video = renderingVideo();
    const initial = pageOf(adminVideo(justCompleted(video)));
    let page = initial;
    const reads = serveJson("/api/admin/videos", () => page);
    renderWithSwr(() => useVideos(FIRST_PAGE, initial));
    await elapse(2 * VIDEO_POLL_MS);
    expect(reads).toHaveLength(3);
    expect(gaps(reads.slice(1))).toEqual([VIDEO_POLL_MS]);

    page = pageOf(adminVideo(withDetails(video)));
    await elapse(VIDEO_POLL_MS);
    await elapse(60_000);
    expect(reads).toHaveLength(4);
  });

  it("asks nothing while the tab is hidden, and asks again as soon as it is shown", async () => {
    const page = pageOf(adminVideo(renderingVideo()));
    const reads = serveJson("/api/admin/videos", () => page);
    renderWithSwr(() => useVideos({ ...FIRST_PAGE, status: "rendering" }, page));
    await elapse(VIDEO_POLL_MS);
    expect(reads).toHaveLength(2);
    setVisibility("hidden");
    await elapse(60_000);
    expect(reads).toHaveLength(2);
    setVisibility("visible");
    await elapse(0);
    expect(reads).toHaveLength(3);
  });

  it("mutate(isVideosKey) reads every view of the list again, filtered or not", async () => {
    const reads = serveJson("/api/admin/videos", settledPage);
    const [all, failed] = [settledPage(), settledPage()];
    const { result } = renderWithSwr(() => {
      useVideos(FIRST_PAGE, all);
      useVideos({ ...FIRST_PAGE, status: "failed" }, failed);
      return useSWRConfig();
    });
    await nextFrame();
    expect(asked()).toEqual(["/api/admin/videos", "/api/admin/videos?status=failed"]);
    await elapse(60_000);
    await act(() => result.current.mutate(isVideosKey));
    expect(reads).toHaveLength(4);
    expect(asked().slice(2).sort()).toEqual(["/api/admin/videos", "/api/admin/videos?status=failed"]);
  });

  it("isVideosKey names the list's views and nothing else", () => {
    expect(["/api/admin/videos", "/api/admin/videos?q=news&cursor=c1"].every(isVideosKey)).toBe(true);
    expect(
      ["/api/admin/videos/v1", "/api/admin/videos-export", "/api/admin/pending", ["/api/admin/videos"]].some(
        isVideosKey,
      ),
    ).toBe(false);
  });
});
