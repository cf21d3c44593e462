import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { BatchPreview } from "@/lib/batch";
import { BatchPreviewSummary } from "./BatchPreviewSummary";

const video = { planScriptId: "s-1", presenterId: "anna", date: "2026-12-01", title: "Day 1", presenterName: "Anna" };

const PREVIEW: BatchPreview = {
  missing: 1,
  seconds: 40,
  costUsd: 4,
  skipped: 2,
  errors: [],
  videos: [video],
  translations: [
    { ...video, language: "Hindi (India)" },
    { ...video, language: "Spanish (Spain)" },
  ],
  translationCostUsd: 4,
  translationsSkipped: 3,
};

describe("BatchPreviewSummary: translations counted apart", () => {
  it("says how many translations, their cost and which, apart from the videos, and what it skips of each", () => {
    render(<BatchPreviewSummary preview={PREVIEW} />);
    expect(screen.getByTestId("batch-estimate").textContent).toBe("1 video, about 40 s, ≈ $4");
    expect(screen.getByTestId("translation-estimate").textContent).toBe(
      "2 translations into the presenters’ languages, ≈ $4Each is sent once its video is made (HeyGen’s speed mode, with captions).",
    );
    const list = screen.getByRole("list", { name: "Translations this will make" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(list.textContent).toContain("Day 1, by Anna, into Spanish (Spain)");
    expect(screen.getByText("3 translations already made or on the way: skipped.")).toBeTruthy();
    expect(screen.getByText("2 videos already made or on the way: skipped.")).toBeTruthy();
  });

  it("says nothing of translations when there are none", () => {
    render(<BatchPreviewSummary preview={{ ...PREVIEW, translations: [], translationsSkipped: 0 }} />);
    expect(screen.queryByTestId("translation-estimate")).toBeNull();
    expect(screen.queryByText(/translations/)).toBeNull();
  });
});
