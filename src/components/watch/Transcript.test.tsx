import { fireEvent, render, screen, within } from "@testing-library/react";
import { SWRConfig } from "swr";
import { describe, expect, it, vi } from "vitest";
import { renderingVideo, withDetails } from "../../../tests/support/client-video";
import { asked, elapse, holdGets, serveJson } from "../../../tests/support/dom";
import type { PublicVideo } from "@/lib/video";
import { WatchPlayerProvider } from "./player-context";
import { Transcript } from "./Transcript";
import { VideoPlayer } from "./VideoPlayer";

const SCRIPT = "Hello there. Goodbye.";
const CUES = [
  { start: 0, end: 2.4, text: "Hello there." },
  { start: 2.4, end: 5, text: "Goodbye." },
];

/** The watch page's player and transcript, as the page puts them together. */
async function showWatchPage(video: PublicVideo) {
  serveJson("/api/videos/:id/captions/cues", () => CUES);
  holdGets("/api/videos/:id");
  render(
    <SWRConfig value={{ provider: () => new Map() }}>
      <WatchPlayerProvider>
        <VideoPlayer initialVideo={video} />
        <Transcript initialVideo={video} script={SCRIPT} />
      </WatchPlayerProvider>
    </SWRConfig>,
  );
  await elapse(0);
}

const lines = () => within(screen.getByTestId("transcript-cues")).getAllByRole("button");
const player = () => screen.getByTestId<HTMLVideoElement>("video-ready");

describe("Transcript", () => {
  it("lists the captions with their times; a line plays the video from there", async () => {
    const plays = vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue();
    await showWatchPage(withDetails(renderingVideo()));
    expect(lines().map((line) => line.textContent)).toEqual(["Play from 0:00Hello there.", "Play from 0:02Goodbye."]);

    fireEvent.click(screen.getByRole("button", { name: "Play from 0:02 Goodbye." }));
    expect(player().currentTime).toBe(2.4);
    expect(plays).toHaveBeenCalledTimes(1);
  });

  it("marks the line being spoken as the video plays", async () => {
    await showWatchPage(withDetails(renderingVideo()));
    const current = () => lines().filter((line) => line.getAttribute("aria-current") === "true");
    expect(current().map((line) => line.textContent)).toEqual(["Play from 0:00Hello there."]);
    player().currentTime = 3.5;
    fireEvent(player(), new Event("timeupdate"));
    expect(current().map((line) => line.textContent)).toEqual(["Play from 0:02Goodbye."]);
  });

  it("shows the script while there are no captions, and asks for none", async () => {
    await showWatchPage(renderingVideo());
    expect(screen.getByRole("region", { name: "Transcript" }).textContent).toBe(`Transcript${SCRIPT}`);
    expect(asked().filter((path) => path.includes("/captions"))).toEqual([]);
  });
});
