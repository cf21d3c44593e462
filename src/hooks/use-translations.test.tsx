import { act } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { TranslationList, TranslationVariant } from "@/lib/translations";
import type { VideoStatus } from "@/lib/video";
import { elapse, gaps, renderWithSwr, serveJson, setVisibility } from "../../tests/support/dom";
import { TRANSLATIONS_POLL_MS, useTranslations } from "./use-translations";

const variant = (language: string, status: VideoStatus): TranslationVariant => ({
  id: `v-${language}`,
  language,
  tag: null,
  status,
  mode: "speed",
  captions: true,
  error: null,
  duration: null,
  createdAt: new Date().toISOString(),
  completedAt: null,
});

describe("useTranslations: a video's translations, live while any is in flight", () => {
  it("reads them every TRANSLATIONS_POLL_MS while one renders, and stops once all are ready or failed", async () => {
    let list: TranslationList = { variants: [variant("German", "PROCESSING"), variant("Welsh", "FAILED")] };
    const reads = serveJson("/api/admin/videos/:id/translations", () => list);
    // SWR renders again for what the component reads: data, as the list does.
    const { result } = renderWithSwr(() => {
      const { data, mutate } = useTranslations("source-1");
      return { data, mutate };
    });
    await elapse(0);
    expect(result.current.data).toEqual(list);
    await elapse(2 * TRANSLATIONS_POLL_MS);
    expect(gaps(reads)).toEqual([TRANSLATIONS_POLL_MS, TRANSLATIONS_POLL_MS]);

    list = { variants: [variant("German", "COMPLETED"), variant("Welsh", "FAILED")] };
    await elapse(TRANSLATIONS_POLL_MS);
    expect(result.current.data).toEqual(list);
    const settledAfter = reads.length;
    await elapse(60_000);
    expect(reads).toHaveLength(settledAfter);

    // A new request reads them again, and the polling starts again while its variant renders.
    list = { variants: [variant("Dutch", "PENDING"), ...list.variants] };
    await act(() => result.current.mutate().then(() => undefined));
    await elapse(2 * TRANSLATIONS_POLL_MS);
    expect(reads).toHaveLength(settledAfter + 3);
  });

  it("asks nothing while the tab is hidden, and asks again when it is shown", async () => {
    const reads = serveJson("/api/admin/videos/:id/translations", () => ({ variants: [variant("German", "PENDING")] }));
    renderWithSwr(() => useTranslations("source-1"));
    await elapse(0);
    setVisibility("hidden");
    await elapse(60_000);
    expect(reads).toHaveLength(1);
    setVisibility("visible");
    await elapse(0);
    expect(reads).toHaveLength(2);
  });
});
