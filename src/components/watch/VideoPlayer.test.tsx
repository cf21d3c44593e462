import { fireEvent, render, screen } from "@testing-library/react";
import { HttpResponse } from "msw";
import { SWRConfig } from "swr";
import { describe, expect, it, vi } from "vitest";
import { justCompleted, renderingVideo, withDetails } from "../../../tests/support/client-video";
import { asked, elapse, holdGets } from "../../../tests/support/dom";
import type { PublicVideo } from "@/lib/video";
import { VideoPlayer } from "./VideoPlayer";

function showPlayer(video: PublicVideo) {
  const held = holdGets("/api/videos/:id");
  render(
    <SWRConfig value={{ provider: () => new Map() }}>
      <VideoPlayer initialVideo={video} />
    </SWRConfig>,
  );
  return held;
}

const player = () => screen.getByTestId<HTMLVideoElement>("video-ready");

/** The page was open while the video rendered; the watch now says it finished. */
async function finishWhileWatching(play: () => Promise<void>) {
  const plays = vi.spyOn(HTMLMediaElement.prototype, "play").mockImplementation(play);
  const video = renderingVideo();
  const held = showPlayer(video);
  await elapse(0);
  held[0]!.answer(HttpResponse.json(justCompleted(video)));
  await elapse(0);
  return plays;
}

describe("VideoPlayer: a render that finishes while someone watches", () => {
  it("starts playing at once, muted, with an Unmute button that turns the sound on and goes", async () => {
    const plays = await finishWhileWatching(() => Promise.resolve());
    expect(plays).toHaveBeenCalledTimes(1);
    expect(player().muted).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Unmute" }));
    expect(player().muted).toBe(false);
    expect(screen.queryByRole("button", { name: "Unmute" })).toBeNull();
  });

  it("drops the Unmute button when the sound is turned on with the player's own controls", async () => {
    await finishWhileWatching(() => Promise.resolve());
    expect(screen.getByRole("button", { name: "Unmute" })).toBeTruthy();
    player().muted = false;
    fireEvent(player(), new Event("volumechange"));
    expect(screen.queryByRole("button", { name: "Unmute" })).toBeNull();
  });

  it("leaves the usual play button where the browser refuses to play by itself", async () => {
    const plays = await finishWhileWatching(() => Promise.reject(new DOMException("Not allowed", "NotAllowedError")));
    expect(plays).toHaveBeenCalledTimes(1);
    expect(player().controls).toBe(true);
    expect(screen.queryByRole("button", { name: "Unmute" })).toBeNull();
  });

  it("does not start by itself for a viewer who prefers reduced motion", async () => {
    vi.stubGlobal("matchMedia", (query: string) => ({ matches: query === "(prefers-reduced-motion: reduce)" }));
    try {
      const plays = await finishWhileWatching(() => Promise.resolve());
      expect(player().controls).toBe(true);
      expect(plays).not.toHaveBeenCalled();
      expect(screen.queryByRole("button", { name: "Unmute" })).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("does not start by itself a video that was already finished when the page opened", async () => {
    const plays = vi.spyOn(HTMLMediaElement.prototype, "play");
    showPlayer(withDetails(renderingVideo()));
    await elapse(0);
    expect(player().muted).toBe(false);
    expect(plays).not.toHaveBeenCalled();
    expect(screen.queryByRole("button", { name: "Unmute" })).toBeNull();
  });
});

describe("VideoPlayer: a video deleted or hidden while its page is open", () => {
  it("stops the player, says the video is no longer available, and asks nothing more", async () => {
    const video = withDetails(renderingVideo());
    const held = showPlayer(video);
    await elapse(0);
    expect(player()).toBeTruthy();

    held[0]!.answer(HttpResponse.json({ error: { message: "No video with this id." } }, { status: 404 }));
    await elapse(0);
    expect(screen.queryByTestId("video-ready")).toBeNull(); // the <video> is gone, and its sound with it
    expect(screen.getByRole("alert").textContent).toBe(
      "This video is no longer available.It may have been removed or made private.",
    );
    await elapse(10 * 60_000);
    expect(asked()).toHaveLength(1);
  });

  it("keeps playing through any other failed request (the watch tries again)", async () => {
    const held = showPlayer(withDetails(renderingVideo()));
    await elapse(0);
    held[0]!.answer(HttpResponse.json({ error: { message: "Database unavailable" } }, { status: 503 }));
    await elapse(0);
    expect(player()).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
