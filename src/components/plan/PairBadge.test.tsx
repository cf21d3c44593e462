import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { PairBadge } from "./PairBadge";

describe("PairBadge: a pair of the plan's matrix", () => {
  it("says when a scheduled video becomes public, in the plan's time zone", () => {
    const cell = { state: "scheduled" as const, videoId: "v1", batchId: "b1", publishAt: "2026-12-08T08:00:00.000Z" };
    render(<PairBadge cell={cell} timeZone="Europe/Berlin" />);
    const link = screen.getByRole("link");
    expect(link.textContent).toBe("Scheduled\u00a0Tue 8 Dec, 09:00, open the video");
    expect(link.getAttribute("href")).toBe("/videos/v1");
    expect(link.querySelector("time")?.getAttribute("datetime")).toBe("2026-12-08T08:00:00.000Z");
  });

  it("gives a rejected video's reason as its title and in its text, and says it counts as missing", () => {
    const cell = { state: "rejected" as const, videoId: "v2", batchId: "b1", reason: "Wrong product name." };
    render(<PairBadge cell={cell} timeZone="UTC" />);
    expect(screen.getByRole("link").textContent).toBe(
      "Rejected: Wrong product name. (counts as missing: generate it again), open the video",
    );
    expect(screen.getByTitle("Rejected: Wrong product name.").dataset.state).toBe("rejected");
  });

  it("names a draft awaiting review in words", () => {
    render(<PairBadge cell={{ state: "awaiting_review", videoId: "v3", batchId: "b1" }} timeZone="UTC" />);
    expect(screen.getByRole("link").textContent).toBe("Awaiting review, open the video");
  });
});
