import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SWRConfig } from "swr";
import { emptyCounts, emptyTranslationCounts, type PlanMatrix, type PlanMatrixCell } from "@/lib/plan-matrix";
import { nextFrame, serveJson } from "../../../tests/support/dom";
import { StatusMatrix } from "./StatusMatrix";

/** Anna's video of one script, ready, with its translations into Spanish (made), Hindi (rendering) and Japanese (not yet). */
const CELL: PlanMatrixCell = {
  state: "published",
  videoId: "v-1",
  batchId: "b-1",
  languages: [
    { language: "Hindi (India)", tag: "hi-IN", state: "rendering", videoId: "v-hi" },
    { language: "Japanese", tag: "ja", state: "missing", videoId: null },
    { language: "Spanish (Spain)", tag: "es-ES", state: "ready", videoId: "v-es" },
    { language: "Klingon", tag: null, state: "failed", videoId: null, error: "HeyGen could not translate it." },
  ],
};

const MATRIX: PlanMatrix = {
  month: "2026-12",
  timeZone: "UTC",
  columns: [{ id: "anna", name: "Anna", active: true }],
  rows: [
    {
      id: "s-1",
      date: "2026-12-01",
      title: "Day 1",
      presenter: { id: "anna", name: "Anna" },
      tag: null,
      cells: [CELL],
    },
  ],
  counts: { ...emptyCounts(), published: 1 },
  translationCounts: { ...emptyTranslationCounts(), ready: 1, rendering: 1, missing: 1, failed: 1 },
};

function renderMatrix() {
  serveJson("/api/admin/plan/matrix", () => MATRIX);
  render(
    <SWRConfig value={{ provider: () => new Map() }}>
      <StatusMatrix initial={MATRIX} />
    </SWRConfig>,
  );
}

describe("StatusMatrix: each pair's translations as chips", () => {
  it("lists each language under the pair's badge: short tag and state on sight, the full name for screen readers", async () => {
    renderMatrix();
    await nextFrame();
    const cell = screen.getAllByRole("cell")[0]!;
    const chips = within(within(cell).getByRole("list", { name: "Translations" })).getAllByRole("listitem");
    expect(chips.map((chip) => chip.textContent)).toEqual([
      "hi-IN RenderingHindi (India): Rendering, open the translation",
      "ja MissingJapanese: Missing",
      "es-ES ReadySpanish (Spain): Ready, open the translation",
      "Klingon FailedKlingon: Failed: HeyGen could not translate it.",
    ]);
    // What a screen reader reads: the visible short form is hidden from it.
    for (const chip of chips)
      for (const hidden of chip.querySelectorAll("[aria-hidden=true]")) expect(hidden.textContent).toMatch(/^\S+ \w+$/);
    expect(
      within(cell).getByRole("link", { name: /^Spanish \(Spain\): Ready\s*, open the translation$/ }),
    ).toHaveProperty("href", expect.stringMatching(/\/videos\/v-es$/));
    expect(within(cell).queryByRole("link", { name: /Japanese/ })).toBeNull();
    expect(screen.getByTestId("translation-counts").textContent).toBe(
      "Translations: 1 Missing, 1 Rendering, 1 Ready, 1 Failed",
    );
    expect(screen.getByText("Updating by itself while videos are queued or rendering.")).toBeTruthy();
  });
});
