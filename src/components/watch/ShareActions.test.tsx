import { fireEvent, render, screen } from "@testing-library/react";
import { SWRConfig } from "swr";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderingVideo, withDetails } from "../../../tests/support/client-video";
import { elapse, holdGets } from "../../../tests/support/dom";
import type { PublicVideo } from "@/lib/video";
import { ShareActions } from "./ShareActions";

const EMBED = '<iframe src="https://videos.example/embed/v1" width="640" height="360"></iframe>';

function show(video: PublicVideo) {
  holdGets("/api/videos/:id");
  render(
    <SWRConfig value={{ provider: () => new Map() }}>
      <ShareActions initialVideo={video} embedCode={EMBED} />
    </SWRConfig>,
  );
}

afterEach(() => {
  delete (navigator as { share?: unknown }).share;
});

describe("ShareActions", () => {
  it("Embed shows the iframe code; Copy code copies it", async () => {
    const writes = vi.spyOn(navigator.clipboard, "writeText").mockResolvedValue();
    show(withDetails(renderingVideo()));
    expect(screen.queryByRole("textbox")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Embed" }));
    expect(screen.getByRole("textbox", { name: /Paste this into your page/ })).toHaveProperty("value", EMBED);
    fireEvent.click(screen.getByRole("button", { name: "Copy code" }));
    await elapse(0);
    expect(writes).toHaveBeenCalledWith(EMBED);
    expect(screen.getByRole("status").textContent).toBe("Embed code copied");
  });

  it("offers no Embed before the video is finished", () => {
    show(renderingVideo());
    expect(screen.queryByRole("button", { name: "Embed" })).toBeNull();
  });

  it("shares the watch page's link with the phone's share sheet where there is one", async () => {
    const share = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "share", { configurable: true, value: share });
    const video = withDetails(renderingVideo({ title: "Morning news" }));
    show(video);
    fireEvent.click(screen.getByRole("button", { name: "Share…" }));
    await elapse(0);
    expect(share).toHaveBeenCalledWith({ title: "Morning news", url: `${location.origin}/videos/${video.id}` });
  });
});
