import { fireEvent, render, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { SWRConfig } from "swr";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderingVideo, withDetails } from "../../../tests/support/client-video";
import { api, asked, elapse, holdGets } from "../../../tests/support/dom";
import type { ViewerLanguage } from "@/lib/translations";
import type { PublicVideo } from "@/lib/video";
import { WatchPlayerProvider } from "./player-context";
import { Transcript } from "./Transcript";
import { VideoPlayer } from "./VideoPlayer";

const translation = (videoId: string, name: string, tag: string | null): ViewerLanguage => ({
  videoId,
  name,
  tag,
  videoUrl: `https://media.example/${videoId}.mp4`,
  subtitleUrl: `https://media.example/${videoId}.srt`,
});

/** A finished video with its Spanish and Japanese translations (its status JSON's languages). */
function translatedVideo(): PublicVideo {
  const video = withDetails(renderingVideo());
  const original = {
    videoId: video.id,
    name: "Original",
    tag: null,
    videoUrl: video.videoUrl,
    subtitleUrl: video.subtitleUrl,
  };
  return {
    ...video,
    languages: [original, translation("v-es", "Spanish (Spain)", "es-ES"), translation("v-ja", "Japanese", "ja")],
  };
}

/** Each video's captions say which language they are in. */
const CUES: Record<string, string> = { "v-es": "Hola a todos.", "v-ja": "皆さん、こんにちは。" };

/** The watch page's player and transcript, as the page puts them together, opened at `/videos/<id>`. */
async function showWatchPage(video: PublicVideo, initialLanguage?: string) {
  window.history.replaceState(null, "", `/videos/${video.id}`);
  api.use(
    http.get("/api/videos/:id/captions/cues", ({ params }) =>
      HttpResponse.json([{ start: 0, end: 3, text: CUES[params.id as string] ?? "Hello everyone." }]),
    ),
  );
  holdGets("/api/videos/:id");
  render(
    <SWRConfig value={{ provider: () => new Map() }}>
      <WatchPlayerProvider>
        <VideoPlayer initialVideo={video} initialLanguage={initialLanguage} />
        <Transcript initialVideo={video} initialLanguage={initialLanguage} script="Hello everyone." />
      </WatchPlayerProvider>
    </SWRConfig>,
  );
  await elapse(0);
}

const player = () => screen.getByTestId<HTMLVideoElement>("video-ready");
const menu = () => screen.getByRole<HTMLSelectElement>("combobox", { name: "Language" });
const track = () => player().querySelector("track")!;
const transcript = () => within(screen.getByTestId("transcript-cues")).getByRole("button").textContent;

/** The viewer has watched to `seconds`, and the video is playing (or paused). */
function watchedTo(seconds: number, playing: boolean) {
  player().currentTime = seconds;
  Object.defineProperty(player(), "paused", { configurable: true, get: () => !playing });
}

/** The viewer picks a language; the new media's length becomes known, as a browser then says. */
async function pick(videoId: string) {
  fireEvent.change(menu(), { target: { value: videoId } });
  await elapse(0);
  fireEvent(player(), new Event("loadedmetadata"));
  await elapse(0);
}

let plays: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  plays = vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue();
});
afterEach(() => vi.restoreAllMocks());

describe("the player's language menu (issue 19)", () => {
  it("offers the original and each finished translation, the original first", async () => {
    const video = translatedVideo();
    await showWatchPage(video);
    expect(
      within(menu())
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Original", "Spanish (Spain)", "Japanese"]);
    expect(player().getAttribute("src")).toBe(video.videoUrl);
  });

  it("switches in place: same position, still playing, captions and transcript in that language, ?lang= in the address", async () => {
    await showWatchPage(translatedVideo());
    const historyLength = window.history.length;
    expect(transcript()).toContain("Hello everyone.");
    watchedTo(7.5, true);

    await pick("v-es");
    expect(player().getAttribute("src")).toBe("https://media.example/v-es.mp4");
    expect(player().currentTime).toBe(7.5);
    expect(plays).toHaveBeenCalledTimes(1);
    expect([track().getAttribute("src"), track().getAttribute("srclang"), track().getAttribute("label")]).toEqual([
      "/api/videos/v-es/captions",
      "es-ES",
      "Spanish (Spain)",
    ]);
    expect(transcript()).toContain("Hola a todos.");
    expect(screen.getByTestId("transcript-cues").getAttribute("lang")).toBe("es-ES");
    expect(window.location.search).toBe("?lang=es-ES");
    expect(window.history.length).toBe(historyLength); // replaced, not pushed: no navigation

    await pick(menu().options[0]!.value);
    expect(window.location.search).toBe("?lang=original");
    expect(transcript()).toContain("Hello everyone.");
  });

  it("keeps a paused video paused at its position", async () => {
    await showWatchPage(translatedVideo());
    watchedTo(3, false);
    await pick("v-ja");
    expect(player().getAttribute("src")).toBe("https://media.example/v-ja.mp4");
    expect(player().currentTime).toBe(3);
    expect(plays).not.toHaveBeenCalled();
  });

  it("opens in the language the page chose (?lang=, Accept-Language)", async () => {
    await showWatchPage(translatedVideo(), "v-ja");
    expect(menu().value).toBe("v-ja");
    expect(player().getAttribute("src")).toBe("https://media.example/v-ja.mp4");
    expect(transcript()).toContain("皆さん、こんにちは。");
    expect(asked().filter((path) => path.includes("/captions/cues"))).toEqual(["/api/videos/v-ja/captions/cues"]);
  });

  it("is not offered while no translation is finished", async () => {
    await showWatchPage({ ...translatedVideo(), languages: [] });
    expect(screen.queryByRole("combobox", { name: "Language" })).toBeNull();
    expect(track().getAttribute("src")).toMatch(/^\/api\/videos\/video-\d+\/captions$/);
  });
});
