import { act } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { BatchPreview, BatchSelection } from "@/lib/batch";
import { api, asked, elapse, renderWithSwr } from "../../tests/support/dom";
import { useBatchPreview } from "./use-batch-preview";

const previewOf = (missing: number): BatchPreview => ({
  missing,
  seconds: missing * 40,
  costUsd: missing * 0.5,
  skipped: 0,
  errors: [],
  videos: [],
  translations: [],
  translationCostUsd: 0,
  translationsSkipped: 0,
});

/** The preview route: each selection's body as sent, answered with `answer` (a count per tag, by default). */
function servePreviews(
  answer = (selection: BatchSelection) => HttpResponse.json(previewOf(selection.tag?.length ?? 9)),
) {
  const bodies: unknown[] = [];
  api.use(
    http.post("/api/admin/batches/preview", async ({ request }) => {
      const selection = (await request.json()) as BatchSelection;
      bodies.push(selection);
      return answer(selection);
    }),
  );
  return bodies;
}

const news: BatchSelection = { month: "2026-12", tag: "news" };

/** Read as GeneratePanel reads it. */
const usePreview = (selection: BatchSelection | null, revision?: string) => {
  const { data, error, isLoading, mutate } = useBatchPreview(selection, revision);
  return { data, error, isLoading, mutate };
};

describe("useBatchPreview: what 'Generate what is missing' would make", () => {
  it("asks nothing until the selection is complete", async () => {
    servePreviews();
    const { result } = renderWithSwr(() => usePreview(null));
    await elapse(60_000);
    expect(asked()).toEqual([]);
    expect(result.current.data).toBeUndefined();
  });

  it("posts the selection and gives its answer; an equal selection asks nothing more", async () => {
    const bodies = servePreviews();
    const { result, rerender } = renderWithSwr(usePreview, { initialProps: news });
    await elapse(0);
    expect(bodies).toEqual([{ month: "2026-12", tag: "news" }]);
    expect(result.current.data).toEqual(previewOf(4));

    rerender({ month: "2026-12", tag: "news" }); // a new object each render, as the panel makes it
    await elapse(0);
    expect(bodies).toHaveLength(1);
  });

  it("asks again when the selection changes, showing no count of the previous one meanwhile", async () => {
    const bodies = servePreviews();
    const { result, rerender } = renderWithSwr(usePreview, { initialProps: news });
    await elapse(0);
    rerender({ month: "2026-12", presenterIds: ["p-1", "p-2"] });
    expect(result.current.data).toBeUndefined();
    expect(result.current.isLoading).toBe(true);
    await elapse(0);
    expect(bodies).toEqual([
      { month: "2026-12", tag: "news" },
      { month: "2026-12", presenterIds: ["p-1", "p-2"] },
    ]);
    expect(result.current.data).toEqual(previewOf(9));
  });

  it("reports a refusal without asking again by itself; mutate() asks again (after a Generate that made nothing)", async () => {
    let refusing = true;
    const bodies = servePreviews((selection) =>
      refusing
        ? HttpResponse.json({ error: { message: "Database unavailable" } }, { status: 503 })
        : HttpResponse.json(previewOf(selection.tag!.length)),
    );
    const { result } = renderWithSwr(() => usePreview({ month: "2026-12", tag: "morning" }));
    await elapse(60_000);
    expect(bodies).toHaveLength(1);
    expect(result.current.error?.message).toBe("Database unavailable");

    refusing = false;
    await act(() => result.current.mutate());
    expect(bodies).toHaveLength(2);
    expect(result.current.data).toEqual(previewOf(7));
  });

  it("asks again for the same selection when the plan changes (a new revision: an import, a paste, an edit)", async () => {
    let missing = 0;
    const bodies = servePreviews(() => HttpResponse.json(previewOf(missing)));
    const { result, rerender } = renderWithSwr((revision: string) => usePreview(news, revision), {
      initialProps: "before-import",
    });
    await elapse(0);
    expect(result.current.data).toEqual(previewOf(0));

    missing = 7;
    rerender("before-import"); // the page rendered again with the same plan: nothing to ask
    await elapse(60_000);
    expect(bodies).toHaveLength(1);

    rerender("after-import");
    await elapse(0);
    expect(bodies).toEqual([news, news]);
    expect(result.current.data).toEqual(previewOf(7));
  });
});
