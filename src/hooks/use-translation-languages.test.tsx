import { act } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { TranslationLanguages } from "@/lib/translations";
import { api, asked, elapse, renderWithSwr } from "../../tests/support/dom";
import { useTranslationLanguages } from "./use-translation-languages";

const listOf = (...names: string[]): TranslationLanguages => ({
  languages: names.map((name) => ({ name, tag: null })),
});

describe("useTranslationLanguages: HeyGen's output languages", () => {
  it("reads the list once, and not again when the window gets the focus back", async () => {
    api.use(http.get("/api/admin/translations/languages", () => HttpResponse.json(listOf("English", "German"))));
    const { result } = renderWithSwr(() => useTranslationLanguages());
    expect(result.current.isLoading).toBe(true);
    await elapse(0);
    expect(result.current.data).toEqual(listOf("English", "German"));
    await elapse(10_000); // past SWR's throttle of focus reads
    window.dispatchEvent(new Event("focus"));
    await elapse(0);
    expect(asked()).toEqual(["/api/admin/translations/languages"]);
  });

  it("reload() asks the server to read HeyGen's list afresh and shows it", async () => {
    api.use(
      http.get("/api/admin/translations/languages", ({ request }) =>
        HttpResponse.json(
          new URL(request.url).searchParams.get("reload") === "1" ? listOf("English", "Welsh") : listOf("English"),
        ),
      ),
    );
    const { result } = renderWithSwr(() => useTranslationLanguages());
    await elapse(0);
    await act(() => result.current.reload());
    expect(result.current.data).toEqual(listOf("English", "Welsh"));
    expect(asked()).toEqual(["/api/admin/translations/languages", "/api/admin/translations/languages?reload=1"]);
  });

  it("reports HeyGen's refusal without retrying it by itself; a refused reload rejects and keeps the list", async () => {
    let refusing = true;
    api.use(
      http.get("/api/admin/translations/languages", () =>
        refusing
          ? HttpResponse.json(
              { error: { code: "heygen_busy", message: "HeyGen is busy: try again in 30 s." } },
              { status: 429 },
            )
          : HttpResponse.json(listOf("English")),
      ),
    );
    const { result } = renderWithSwr(() => useTranslationLanguages());
    await elapse(60_000);
    expect(result.current.error?.message).toBe("HeyGen is busy: try again in 30 s.");
    expect(asked()).toHaveLength(1);

    refusing = false;
    await act(() => result.current.reload());
    expect(result.current.data).toEqual(listOf("English"));
    refusing = true;
    await expect(act(() => result.current.reload())).rejects.toThrow("HeyGen is busy");
    expect(result.current.data).toEqual(listOf("English"));
  });
});
