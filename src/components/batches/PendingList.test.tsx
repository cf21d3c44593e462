import { render, screen } from "@testing-library/react";
import { SWRConfig } from "swr";
import { describe, expect, it } from "vitest";
import { serveJson } from "../../../tests/support/dom";
import type { PendingView } from "@/lib/pending";
import { PendingList } from "./PendingList";

const view = (overdueAfterSeconds: number, overdueRule: PendingView["overdueRule"]): PendingView => ({
  generatedAt: new Date().toISOString(),
  overdueAfterSeconds,
  overdueRule,
  videos: [],
  total: 0,
});

function show(initial: PendingView) {
  serveJson("/api/admin/pending", () => initial);
  render(
    <SWRConfig value={{ provider: () => new Map() }}>
      <PendingList initial={initial} />
    </SWRConfig>,
  );
}

describe("PendingList: when a video is overdue", () => {
  it.each([
    [view(400, "twice_typical"), "overdue after 7 minutes (twice the typical render time)."],
    [view(120, "minimum"), "overdue after 2 minutes (the minimum: twice the typical render time is shorter)."],
    [
      view(600, "no_history"),
      "overdue after 10 minutes (no video has finished yet to learn the typical render time from).",
    ],
  ])("says the part of the rule that set the threshold (%#)", (initial, words) => {
    show(initial);
    expect(screen.getByText(/A video is overdue after/).textContent).toContain(words);
  });
});

describe("PendingList: a translation in flight (issue 19)", () => {
  it("says its language and links the video it translates", () => {
    show({
      ...view(600, "no_history"),
      total: 1,
      videos: [
        {
          id: "variant-1",
          title: "Morning news (German)",
          status: "PROCESSING",
          ageSeconds: 30,
          lastNewsAt: new Date().toISOString(),
          unconfirmedReason: null,
          batchId: null,
          translationOf: { language: "German", sourceId: "source-1" },
          overdue: false,
        },
      ],
    });
    const row = document.querySelector('[data-video-id="variant-1"]')!;
    expect(row.textContent).toContain("a translation into German of its video");
    expect(screen.getByRole("link", { name: "its video" }).getAttribute("href")).toBe("/videos/source-1");
  });
});
