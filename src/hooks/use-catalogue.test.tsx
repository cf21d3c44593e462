import { act } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { NO_LOOK_FILTERS, NO_VOICE_FILTERS, type LookPage, type VoicePage } from "@/lib/catalogue";
import { catalogueLook } from "../../tests/support/client-catalogue";
import { api, asked, elapse, nextFrame, renderWithSwr } from "../../tests/support/dom";
import { useCatalogueReload, useLookPages, useVoicePages, useVoiceSearch } from "./use-catalogue";

const lookPage = (ids: string[], nextCursor: string | null): LookPage => ({
  items: ids.map((id) => catalogueLook(id)),
  total: 100,
  nextCursor,
  filters: { genders: ["female", "male"] },
});

/** The looks route, paged by `cursor` ("" for the first page): each page's ids are the cursor and a number. */
function serveLooks(pages = 3) {
  api.use(
    http.get("/api/admin/catalogue/looks", ({ request }) => {
      const cursor = Number(new URL(request.url).searchParams.get("cursor") ?? 0);
      return HttpResponse.json(
        lookPage([`${cursor}-a`, `${cursor}-b`], cursor + 1 < pages ? String(cursor + 1) : null),
      );
    }),
  );
}
const idsOf = (pages: LookPage[]) => pages.flatMap((page) => page.items.map((item) => item.id));

describe("useLookPages / useVoicePages: a filtered catalogue list, a page at a time", () => {
  it("shows the page's own first page at once while unfiltered, then the list's pages one 'Show more' at a time", async () => {
    serveLooks();
    const initial = lookPage(["initial"], "1");
    const { result } = renderWithSwr(() => useLookPages(NO_LOOK_FILTERS, initial));
    expect(idsOf(result.current.pages)).toEqual(["initial"]);
    expect(result.current.hasMore).toBe(true);
    await nextFrame(); // SWR reads the first page again on mount, as it does for any key it holds data for
    expect(asked()).toEqual(["/api/admin/catalogue/looks?limit=24"]);

    act(() => void result.current.showMore());
    expect(result.current.loadingMore).toBe(true);
    await elapse(0);
    expect(result.current.loadingMore).toBe(false);
    act(() => void result.current.showMore());
    await elapse(0);
    expect(asked().slice(1)).toEqual([
      "/api/admin/catalogue/looks?cursor=1&limit=24",
      "/api/admin/catalogue/looks?cursor=2&limit=24",
    ]);
    expect(idsOf(result.current.pages)).toEqual(["0-a", "0-b", "1-a", "1-b", "2-a", "2-b"]);
    expect(result.current.hasMore).toBe(false);
    act(() => void result.current.showMore()); // past the last page: nothing to ask, nothing added
    await elapse(0);
    expect(asked()).toHaveLength(3);
    expect(result.current.pages).toHaveLength(3);
  });

  it("asks for a filtered list with its filters (the page's unfiltered one does not stand in), keeping what it showed until it comes", async () => {
    serveLooks();
    const initial = lookPage(["initial"], "1");
    const { result, rerender } = renderWithSwr((filters) => useLookPages(filters, initial), {
      initialProps: NO_LOOK_FILTERS,
    });
    rerender({ ...NO_LOOK_FILTERS, q: "anna", orientation: "portrait" });
    expect(idsOf(result.current.pages)).toEqual(["initial"]);
    expect(result.current.loading).toBe(true);
    await elapse(0);
    expect(asked()).toEqual(["/api/admin/catalogue/looks?q=anna&orientation=portrait&limit=24"]);
    expect(idsOf(result.current.pages)).toEqual(["0-a", "0-b"]);
  });

  it("reports a failed read without retrying it by itself, and reads again on retry()", async () => {
    let refusing = true;
    api.use(
      http.get("/api/admin/catalogue/voices", () =>
        refusing
          ? HttpResponse.json({ error: { message: "HeyGen is unavailable" } }, { status: 502 })
          : HttpResponse.json({ items: [], total: 0, nextCursor: null, filters: { languages: [], genders: [] } }),
      ),
    );
    const { result } = renderWithSwr(() => useVoicePages({ ...NO_VOICE_FILTERS, language: "English" }));
    await elapse(60_000);
    expect(asked()).toEqual(["/api/admin/catalogue/voices?language=English&limit=20"]);
    expect(result.current.error?.message).toBe("HeyGen is unavailable");

    refusing = false;
    await act(() => result.current.retry());
    expect(asked()).toHaveLength(2);
    expect(result.current.error).toBeUndefined();
    expect(result.current.pages).toHaveLength(1);
  });
});

describe("useCatalogueReload", () => {
  it("drops the server's cache, then every list shown reads its pages afresh (the page's own first page too)", async () => {
    serveLooks();
    api.use(http.post("/api/admin/catalogue/refresh", () => HttpResponse.json({ ok: true })));
    const voices: VoicePage = { items: [], total: 0, nextCursor: null, filters: { languages: [], genders: [] } };
    api.use(http.get("/api/admin/catalogue/voices", () => HttpResponse.json(voices)));
    const { result } = renderWithSwr(() => ({
      looks: useLookPages(NO_LOOK_FILTERS, lookPage(["initial"], "1")),
      voices: useVoicePages(NO_VOICE_FILTERS, voices),
      reload: useCatalogueReload(),
    }));
    await nextFrame();
    const before = asked().length;

    await act(() => result.current.reload.trigger());
    await elapse(0);
    expect(asked().slice(before).sort()).toEqual([
      "/api/admin/catalogue/looks?limit=24",
      "/api/admin/catalogue/refresh",
      "/api/admin/catalogue/voices?limit=20",
    ]);
    expect(asked()[before]).toBe("/api/admin/catalogue/refresh");
    expect(idsOf(result.current.looks.pages)).toEqual(["0-a", "0-b"]);
  });
});

describe("useVoiceSearch", () => {
  it("sends the description as the search route's JSON body and gives back its voices", async () => {
    const sent: unknown[] = [];
    const found = { items: [], seed: 2 };
    api.use(
      http.post("/api/admin/catalogue/voices/search", async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json(found);
      }),
    );
    const { result } = renderWithSwr(() => useVoiceSearch());
    await act(() => result.current.trigger({ prompt: "warm narrator", gender: "female", seed: 2 }));
    expect(sent).toEqual([{ prompt: "warm narrator", gender: "female", seed: 2 }]);
    expect(result.current.data).toEqual(found);
  });
});
