import { fireEvent, render, screen } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { SWRConfig } from "swr";
import { describe, expect, it } from "vitest";
import type { BatchView } from "@/lib/batch";
import { batchView } from "../../../tests/support/client-batch";
import { nextTasks } from "../../../tests/support/dialogs";
import { api } from "../../../tests/support/dom";
import { BatchDetail } from "./BatchDetail";

/** The batch page, its route answering what `current()` says and pausing it on request. */
function showBatch(initial: BatchView) {
  let current = initial;
  api.use(
    http.get("/api/admin/batches/:id", () => HttpResponse.json(current)),
    http.post("/api/admin/batches/:id/pause", () => {
      current = { ...current, status: "paused", etaSeconds: null };
      return HttpResponse.json({ status: "paused" });
    }),
  );
  render(
    <SWRConfig value={{ provider: () => new Map() }}>
      <BatchDetail initial={initial} />
    </SWRConfig>,
  );
}

describe("BatchDetail: Pause", () => {
  it("says the batch is paused once, in its live state line", async () => {
    showBatch(batchView({ queued: 3, completed: 1 }, { etaSeconds: 300 }));
    await nextTasks();
    expect(screen.getByRole("status").textContent).toBe("Estimated time left: about 5 min.");

    fireEvent.click(screen.getByRole("button", { name: "Pause" }));
    await nextTasks();
    expect(screen.getByRole("button", { name: "Resume" })).toBeTruthy();
    expect(screen.getAllByRole("status").map((status) => status.textContent)).toEqual([
      "Paused: nothing is sent until it is resumed, so there is no estimate.",
    ]);
    expect(screen.getAllByText(/paused/i).map((element) => element.textContent)).toEqual([
      "Paused", // the badge by the heading
      "Paused: nothing is sent until it is resumed, so there is no estimate.",
    ]);
  });
});

describe("BatchDetail: review", () => {
  it("says whether the batch's videos wait for review or follow their plan dates", async () => {
    showBatch(batchView({ completed: 1 }, { review: true }));
    await nextTasks();
    expect(screen.getByText(/^Reviewed: /).textContent).toBe(
      "Reviewed: each video waits as a draft until an admin approves it in review.",
    );
  });

  it("says a batch without review publishes each video on its plan date", async () => {
    showBatch(batchView({ completed: 1 }, { review: false }));
    await nextTasks();
    expect(screen.getByText(/^Not reviewed: /).textContent).toBe(
      "Not reviewed: each video is public at its plan date (at once when that has passed).",
    );
  });
});

describe("BatchDetail: translations", () => {
  it("lists a translation item with its language, its link named for it", async () => {
    const item = {
      date: "2026-12-01",
      title: "Day 1",
      presenter: { id: "anna", name: "Anna" },
      error: null,
      submittedAt: null,
    };
    showBatch(
      batchView(
        { completed: 1, queued: 1 },
        {
          items: [
            { ...item, id: "i-1", language: null, state: "completed", videoId: "v-1" },
            { ...item, id: "i-2", language: "Spanish (Spain)", state: "rendering", videoId: "v-2" },
          ],
        },
      ),
    );
    await nextTasks();
    expect(screen.getAllByTestId("item-language").map((line) => line.textContent)).toEqual([
      "Translation into Spanish (Spain)",
    ]);
    expect(screen.getByRole("link", { name: "Translation of “Day 1” by Anna into Spanish (Spain)" })).toHaveProperty(
      "href",
      expect.stringMatching(/\/videos\/v-2$/),
    );
    expect(screen.getByRole("link", { name: "Video of “Day 1” by Anna" })).toBeTruthy();
  });
});
