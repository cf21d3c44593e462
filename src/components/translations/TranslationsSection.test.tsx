import { fireEvent, render, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { StrictMode } from "react";
import { SWRConfig } from "swr";
import { describe, expect, it } from "vitest";
import type { TranslationList, TranslationRequestResult, TranslationVariant } from "@/lib/translations";
import type { AdminVideo, VideoStatus } from "@/lib/video";
import { adminVideo, renderingVideo, withDetails } from "../../../tests/support/client-video";
import { nextTasks } from "../../../tests/support/dialogs";
import { api, asked, describedBy, elapse, serveJson } from "../../../tests/support/dom";
import { TranslationsSection } from "./TranslationsSection";

const LANGUAGES = ["English", "French (France)", "German (Germany)", "Spanish (Spain)"].map((name) => ({
  name,
  tag: null,
}));

const variant = (language: string, status: VideoStatus, fields: Partial<TranslationVariant> = {}) => ({
  id: `variant-${language}-${status}`,
  language,
  tag: null,
  status,
  mode: "speed" as const,
  captions: true,
  error: null,
  duration: null,
  createdAt: new Date().toISOString(),
  completedAt: null,
  ...fields,
});

/** A finished 20-second video, its page open: HeyGen's languages and its translations answered as told. */
async function openSection(variants: () => TranslationVariant[] = () => [], video?: AdminVideo) {
  api.use(http.get("/api/admin/translations/languages", () => HttpResponse.json({ languages: LANGUAGES })));
  const reads = serveJson("/api/admin/videos/:id/translations", (): TranslationList => ({ variants: variants() }));
  const finished = video ?? adminVideo({ ...withDetails(renderingVideo({ id: "source-1" })), duration: 20 });
  render(
    <StrictMode>
      <SWRConfig value={{ provider: () => new Map() }}>
        <TranslationsSection video={finished} />
      </SWRConfig>
    </StrictMode>,
  );
  await elapse(0);
  return reads;
}

/** The translation requests sent, each answered with `answer`. */
function serveRequests(answer: () => Response) {
  const bodies: unknown[] = [];
  api.use(
    http.post("/api/admin/videos/:id/translations", async ({ request }) => {
      bodies.push(await request.json());
      return answer();
    }),
  );
  return bodies;
}

const answered =
  (result: TranslationRequestResult, status = 201) =>
  () =>
    HttpResponse.json(result, { status });
const box = () => screen.getByRole("combobox", { name: "Languages" });
const pick = (...names: string[]) => {
  for (const name of names) fireEvent.click(screen.getByRole("option", { name }));
};
const cost = () => screen.getByTestId("translation-cost").textContent;

async function confirmTranslate() {
  fireEvent.click(screen.getByRole("button", { name: /^Translate/ }));
  await nextTasks();
  return screen.getByRole("dialog", { name: "Translate “Morning news”?" });
}

describe("TranslationsSection: translate a finished video", () => {
  it("says what it costs for the languages picked, in either mode, before anything is sent", async () => {
    await openSection();
    expect(cost()).toBe("Pick languages: each costs 0:20 at $0.05 a second (speed), ≈ $1.");
    pick("French (France)", "German (Germany)", "Spanish (Spain)");
    expect(cost()).toBe("3 languages × 0:20 at $0.05 a second (speed): ≈ $3.");
    expect(screen.getByRole("button", { name: "Translate (≈ $3)" })).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: "Precision ($0.10 a second)" }));
    expect(cost()).toBe("3 languages × 0:20 at $0.10 a second (precision): ≈ $6.");
    pick("Spanish (Spain)");
    expect(cost()).toBe("2 languages × 0:20 at $0.10 a second (precision): ≈ $4.");
    expect(asked().filter((path) => path.includes("translations") && !path.endsWith("/languages"))).toEqual([
      "/api/admin/videos/source-1/translations",
    ]);
  });

  it("prices a video whose length HeyGen has not said yet from its script", async () => {
    const video = adminVideo({ ...renderingVideo({ id: "source-1" }), status: "COMPLETED" });
    await openSection(() => [], { ...video, duration: null, scriptSeconds: 30 });
    pick("English");
    expect(cost()).toBe("1 language × about 0:30 at $0.05 a second (speed): ≈ $1.50.");
  });

  it("asks first, saying what it spends, and sends nothing when cancelled", async () => {
    const bodies = serveRequests(answered({ created: [], skipped: [] }));
    await openSection();
    pick("German (Germany)", "French (France)");
    const dialog = await confirmTranslate();
    expect(dialog.textContent).toContain("in German (Germany) and French (France), with captions");
    expect(within(dialog).getByTestId("translate-cost").textContent).toBe(
      "2 languages × 0:20 at $0.05 a second (speed): ≈ $2.",
    );
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await nextTasks();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(bodies).toEqual([]);
  });

  it("sends once confirmed, then says what was started and what was skipped, and shows the new translations", async () => {
    let variants: TranslationVariant[] = [variant("Spanish (Spain)", "PROCESSING")];
    const bodies = serveRequests(() => {
      variants = [variant("German (Germany)", "PENDING"), ...variants];
      return HttpResponse.json(
        {
          created: [variant("German (Germany)", "PENDING")],
          skipped: [{ language: "Spanish (Spain)", reason: "under_way", videoId: "variant-es" }],
        } satisfies TranslationRequestResult,
        { status: 201 },
      );
    });
    await openSection(() => variants);
    fireEvent.change(box(), { target: { value: "(" } });
    pick("German (Germany)", "Spanish (Spain)");
    fireEvent.click(screen.getByRole("checkbox", { name: "Captions in each language" }));
    const dialog = await confirmTranslate();
    fireEvent.click(within(dialog).getByRole("button", { name: "Translate (≈ $2)" }));
    await nextTasks();

    expect(bodies).toEqual([{ languages: ["German (Germany)", "Spanish (Spain)"], mode: "speed", captions: false }]);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe(
      "Translating into German (Germany). Spanish (Spain) is already under way.",
    );
    const list = screen.getByRole("list", { name: "Its translations" });
    expect(
      within(list)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["German (Germany)", "Spanish (Spain)"]);
    // Ready for the next request: nothing picked, the search box empty.
    expect(screen.queryByRole("list", { name: "Languages: chosen" })).toBeNull();
    expect((box() as HTMLInputElement).value).toBe("");
  });

  it("says so when nothing new was sent", async () => {
    serveRequests(
      answered({ created: [], skipped: [{ language: "English", reason: "done", videoId: "variant-en" }] }, 200),
    );
    await openSection();
    pick("English");
    fireEvent.click(within(await confirmTranslate()).getByRole("button", { name: /^Translate/ }));
    await nextTasks();
    expect(screen.getByRole("status").textContent).toBe("Nothing new was sent to HeyGen: English is already done.");
  });

  it("asks for a language before confirming anything, at the picker", async () => {
    await openSection();
    fireEvent.click(screen.getByRole("button", { name: "Translate" }));
    await nextTasks();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(describedBy(box())).toBe("Pick at least one language.");
    expect(document.activeElement).toBe(box());
  });

  it("shows HeyGen's refusal of a language at the picker, focused, in the server's words, keeping the picks", async () => {
    const message = "HeyGen refused the languages: Klingon is not supported.";
    serveRequests(() =>
      HttpResponse.json({ error: { code: "heygen_invalid_input", message, field: "languages" } }, { status: 400 }),
    );
    await openSection();
    pick("English");
    fireEvent.click(within(await confirmTranslate()).getByRole("button", { name: /^Translate/ }));
    await nextTasks();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(describedBy(box())).toBe(message);
    expect(document.activeElement).toBe(box());
    expect(screen.getAllByText(message)).toHaveLength(1);
    expect(screen.getByRole("list", { name: "Languages: chosen" }).textContent).toContain("English");
  });

  it.each([
    [
      402,
      "HeyGen could not translate the video: your account has run out of credits. Add credits in HeyGen, then try again.",
    ],
    [429, "HeyGen is busy (too many requests) and could not translate the video. Try again in 30 s."],
  ])("says HeyGen's %s in its words by the button", async (status, message) => {
    serveRequests(() => HttpResponse.json({ error: { code: "heygen", message } }, { status }));
    await openSection();
    pick("English");
    fireEvent.click(within(await confirmTranslate()).getByRole("button", { name: /^Translate/ }));
    await nextTasks();
    expect(screen.getByRole("alert").textContent).toBe(message);
    expect(box().getAttribute("aria-invalid")).toBeNull();
  });

  it("reloads HeyGen's languages when asked", async () => {
    await openSection();
    fireEvent.click(screen.getByRole("button", { name: "Reload from HeyGen" }));
    await elapse(0);
    expect(asked()).toContain("/api/admin/translations/languages?reload=1");
    expect(screen.getByRole("status").textContent).toBe("HeyGen’s languages are reloaded.");
  });
});

describe("TranslationsSection: its translations, live", () => {
  it("lists each with its status, mode and error, and follows them until none is in flight", async () => {
    let variants = [
      variant("German (Germany)", "PROCESSING"),
      variant("Welsh", "FAILED", { error: "HeyGen could not translate the audio." }),
    ];
    const reads = await openSection(() => variants);
    const row = (language: string) => document.querySelector(`[data-variant-language="${language}"]`)!;
    expect(row("German (Germany)").textContent).toContain("Rendering");
    expect(row("Welsh").textContent).toContain("HeyGen could not translate the audio.");
    expect(
      within(row("German (Germany)") as HTMLElement)
        .getByRole("link")
        .getAttribute("href"),
    ).toBe("/videos/variant-German (Germany)-PROCESSING");

    variants = [variant("German (Germany)", "COMPLETED", { duration: 21 }), variants[1]!];
    await elapse(3_000);
    expect(row("German (Germany)").textContent).toContain("Ready");
    expect(row("German (Germany)").textContent).toContain("speed mode, captions, 0:21 long");
    const settled = reads.length;
    await elapse(60_000);
    expect(reads).toHaveLength(settled);
  });

  it("retries a failed one by asking for its language again; the failed one stays listed", async () => {
    const failed = variant("Welsh", "FAILED", { mode: "precision", captions: false, error: "No speech found." });
    let variants = [failed];
    const bodies = serveRequests(() => {
      variants = [variant("Welsh", "PENDING"), failed];
      return HttpResponse.json({ created: [variant("Welsh", "PENDING")], skipped: [] }, { status: 201 });
    });
    await openSection(() => variants);
    fireEvent.click(screen.getByRole("button", { name: "Retry Welsh" }));
    await elapse(0);
    expect(bodies).toEqual([{ languages: ["Welsh"], mode: "precision", captions: false }]);
    expect(screen.getByRole("status").textContent).toBe("Translating into Welsh.");
    const rows = document.querySelectorAll('[data-variant-language="Welsh"]');
    expect([...rows].map((row) => row.querySelector("[data-status]")!.textContent)).toEqual(["Queued", "Failed"]);
    // The language is on its way again: the failed one offers no second retry.
    expect(screen.queryByRole("button", { name: "Retry Welsh" })).toBeNull();
  });
});
