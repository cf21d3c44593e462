import { act, render, screen } from "@testing-library/react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { SWRConfig } from "swr";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderingVideo, withDetails } from "../../../tests/support/client-video";
import { holdGets } from "../../../tests/support/dom";
import { LiveVideoFacts } from "./LiveVideoFacts";

const video = withDetails(renderingVideo({ createdAt: "2026-12-07T15:18:00.000Z" }));
const facts = () => (
  <SWRConfig value={{ provider: () => new Map() }}>
    <LiveVideoFacts initialVideo={video} />
  </SWRConfig>
);

// The facts follow the video live: its watch's long-poll is held, unanswered, for as long as a test runs.
beforeEach(() => void holdGets("/api/videos/:id"));
afterEach(() => {
  // Node reads TZ again whenever it changes; the next test is back in the machine's zone.
  vi.unstubAllEnvs();
});

describe("LiveVideoFacts: the date in the reader's own time zone", () => {
  it("says the creation time in the browser's zone, with the zone named", () => {
    vi.stubEnv("TZ", "America/New_York");
    render(facts());
    const time = screen.getByText(/^Created/).querySelector("time")!;
    expect(time.getAttribute("dateTime")).toBe("2026-12-07T15:18:00.000Z");
    expect(time.textContent).toMatch(/10:18.*(EST|GMT-5)/);
  });

  it("hydrates the server's UTC text without a mismatch, then says the local time", async () => {
    vi.stubEnv("TZ", "Asia/Tokyo");
    const container = document.createElement("div");
    container.innerHTML = renderToString(facts());
    document.body.append(container);
    expect(container.querySelector("time")!.textContent).toBe("7 Dec 2026, 15:18 UTC");

    const problems = vi.spyOn(console, "error");
    const recoverable = vi.fn();
    let root: ReturnType<typeof hydrateRoot>;
    await act(async () => void (root = hydrateRoot(container, facts(), { onRecoverableError: recoverable })));
    expect(recoverable).not.toHaveBeenCalled();
    expect(problems).not.toHaveBeenCalled();
    expect(container.querySelector("time")!.textContent).toMatch(/Dec 8, 2026.*12:18.*(GMT\+9|JST)/);
    act(() => root.unmount()); // its watch of the video ends with it
    container.remove();
  });
});
