import { fireEvent, render, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import type { PlanPreview, PlanPreviewRow } from "@/lib/plan-import";
import { api, elapse } from "../../../tests/support/dom";
import { ImportPanel } from "./ImportPanel";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

const row = (line: number, errors: PlanPreviewRow["errors"], speakers: string[]): PlanPreviewRow => ({
  line,
  date: "2026-12-01",
  title: `Row ${line}`,
  script: "Hello.",
  target: "#morning",
  presenter: null,
  tag: "morning",
  errors,
  speakers,
  seconds: speakers.length * 2,
  costUsd: speakers.length * 0.2,
});

function servePreview(preview: PlanPreview) {
  api.use(
    http.post("/api/admin/plan/preview", () => HttpResponse.json(preview)),
    http.post("/api/admin/plan/import", () => HttpResponse.json({ saved: preview.counts.valid }, { status: 201 })),
  );
}

async function previewText() {
  render(<ImportPanel month="2026-12" />);
  fireEvent.change(screen.getByLabelText("Scripts"), { target: { value: "date,title,script,presenter_or_tag\n…" } });
  fireEvent.click(screen.getByRole("button", { name: "Preview" }));
  await elapse(0);
}

describe("ImportPanel", () => {
  it("links the month's template, and says what a tag expands to and what the plan will cost", async () => {
    servePreview({
      rows: [row(2, [], ["Anna", "Ben"])],
      counts: { valid: 1, invalid: 0, total: 1, videos: 2 },
      seconds: 4,
      costUsd: 0.4,
    });
    await previewText();
    expect(screen.getByRole("link", { name: "Download a CSV template" }).getAttribute("href")).toBe(
      "/api/admin/plan/template?month=2026-12",
    );
    expect(screen.getByTestId("import-estimate").textContent).toBe(
      "The valid rows make 2 videos once generated, under a minute of speech, ≈ $0.40.",
    );
    expect(screen.getByRole("row", { name: /Row 2/ }).textContent).toContain("2 videos: Anna, Ben");
  });

  it("says rows with errors are a problem to fix (an alert, amber), not a success", async () => {
    servePreview({
      rows: [row(2, [], ["Anna"]), row(3, [{ field: "date", message: "must be a real date written YYYY-MM-DD" }], [])],
      counts: { valid: 1, invalid: 1, total: 2, videos: 1 },
      seconds: 2,
      costUsd: 0.2,
    });
    await previewText();
    const problem = screen.getByRole("alert");
    expect(problem.textContent).toContain("Fix the rows with errors, or save only the valid ones.");
    expect(problem.className).toContain("text-amber-900");
  });

  it("puts the saved message beside the buttons and gives it the focus", async () => {
    servePreview({
      rows: [row(2, [], ["Anna"])],
      counts: { valid: 1, invalid: 0, total: 1, videos: 1 },
      seconds: 2,
      costUsd: 0.2,
    });
    await previewText();
    fireEvent.click(screen.getByRole("button", { name: "Save 1 script" }));
    await elapse(0);
    const outcome = screen.getByTestId("import-outcome");
    expect(outcome.textContent).toMatch(/^Saved 1 script\. They are in the plan above/);
    expect(document.activeElement).toBe(outcome);
    expect(refresh).toHaveBeenCalled();
  });
});
