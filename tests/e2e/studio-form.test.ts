import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FAKE_IDS, FAKE_MARKERS, fakeLooks, fakeVoices } from "../../src/mocks/heygen/fake-heygen";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { openStudio } from "./studio";
import { PHONE, screenshot } from "./viewer-stack";

const PORTRAIT_LOOK = fakeLooks.find((look) => look.preferred_orientation === "portrait")!;
const PHOTO_LOOK = FAKE_IDS.looks.photoNoDefaultVoice;
const nameOf = (voiceId: string) => fakeVoices.find((voice) => voice.voice_id === voiceId)!.name;
/** 105 words: 42 s at 150 words a minute, $4.20 at $0.10 a second. */
const SCRIPT_42_SECONDS = Array.from({ length: 105 }, () => "word").join(" ");

let browser: Browser;
let db: pg.Client;
beforeAll(async () => {
  browser = await launchChromium();
  db = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await db.connect();
});
afterAll(async () => {
  await browser?.close();
  await db?.end();
});

const studio = (context?: BrowserContext) => openStudio(context ?? browser);

const pickLook = (page: Page, id: string) => page.click(`label[data-look-id="${id}"]`);
const pick = (page: Page, name: string, value: string) =>
  page.click(`label:has(input[name="${name}"][value="${value}"])`);
const openMoreOptions = (page: Page) => page.click("summary:has-text('More options')");
const estimate = (page: Page) => page.getByTestId("cost-estimate").textContent();
const generateButton = (page: Page) => page.locator("button[type=submit]");

async function storedVideo(title: string) {
  const { rows } = await db.query(`SELECT options, "aspectRatio" FROM "Video" WHERE title = $1`, [title]);
  expect(rows).toHaveLength(1);
  return rows[0] as { options: Record<string, unknown>; aspectRatio: string };
}

describe("the studio form", () => {
  it("shows the script's length, spoken time and cost as the admin types and changes the speed", async () => {
    const page = await studio();
    await page.fill("textarea[name=script]", SCRIPT_42_SECONDS);
    expect(await estimate(page)).toMatch(/About 0:42 spoken · ≈ \$4\.20 at HeyGen’s \$0\.10 a second/);
    expect(await generateButton(page).textContent()).toBe("Generate (≈ $4.20)");
    expect(await page.getByTestId("script-count").textContent()).toMatch(/^524 \/ 4,999/);

    await openMoreOptions(page);
    await page.fill("input[aria-label='Speed, exact value']", "1.5");
    expect(await estimate(page)).toMatch(/About 0:28 spoken at 1\.5× speed · ≈ \$2\.80/);
    expect(await generateButton(page).textContent()).toBe("Generate (≈ $2.80)");
    // The slider moves from the keyboard too.
    await page.focus("input[name='options.voiceSpeed']");
    await page.keyboard.press("ArrowLeft");
    expect(await page.inputValue("input[aria-label='Speed, exact value']")).toBe("1.45");
    await page.click("button[aria-label='Reset speed']");
    expect(await estimate(page)).toMatch(/About 0:42 spoken · ≈ \$4\.20/);

    await page.fill("input[name=title]", "E2E too long");
    await page.fill("textarea[name=script]", "x".repeat(5_000));
    // One message, in the route's words, and no Generate until the script is shortened (issue 16, bug 8).
    await page.getByRole("alert").filter({ hasText: "Keep the script to 4,999 characters or fewer" }).waitFor();
    // (Next's route announcer is an empty alert of its own.)
    expect(await page.getByRole("alert").filter({ hasText: /\S/ }).allTextContents()).toEqual([
      "Keep the script to 4,999 characters or fewer: HeyGen takes no more.",
    ]);
    expect(await page.getByTestId("script-count").getAttribute("class")).toContain("text-red-700");
    expect(await generateButton(page).isDisabled()).toBe(true);
    await page.fill("textarea[name=script]", "x".repeat(4_999));
    expect(await page.getByRole("alert").filter({ hasText: /\S/ }).count()).toBe(0);
    expect(await generateButton(page).isDisabled()).toBe(false);
    await page.close();
  });

  it("makes a captioned portrait video with every option the admin chose, stored and rendered as asked", async () => {
    const page = await studio();
    await pickLook(page, PORTRAIT_LOOK.id);
    expect(await page.isChecked('input[name=aspectRatio][value="9:16"]')).toBe(true);
    await pick(page, "options.captions", "burned");
    await openMoreOptions(page);
    await page.fill("input[aria-label='Pitch, exact value']", "5");
    await page.fill("input[name='options.voiceLocale']", "en-GB");
    // This look lists Avatar V, which takes a motion prompt for any look.
    expect(await page.locator("select[name='options.engine'] option").allTextContents()).toEqual([
      "HeyGen’s default (Avatar IV)",
      "Avatar III",
      "Avatar IV",
      "Avatar V",
    ]);
    expect(await page.locator("textarea[name='options.motionPrompt']").count()).toBe(0);
    await page.selectOption("select[name='options.engine']", "avatar_v");
    await page.fill("textarea[name='options.motionPrompt']", "Waves, then smiles.");
    await pick(page, "options.background", "color");
    await page.fill("input[name='options.background.value']", "#1e40af");
    expect(await page.locator("summary").textContent()).toContain("(5 changed)");
    await screenshot(page, "studio-desktop-options");

    await page.fill("input[name=title]", "E2E captioned portrait");
    await page.fill("textarea[name=script]", "Hello in portrait, with captions.");
    await page.click("button[type=submit]");
    await page.getByRole("status").filter({ hasText: "rendering" }).waitFor();

    expect(await storedVideo("E2E captioned portrait")).toEqual({
      aspectRatio: "9:16",
      options: {
        engine: "avatar_v",
        voicePitch: 5,
        voiceLocale: "en-GB",
        background: { type: "color", value: "#1e40af" },
        captions: "burned",
        motionPrompt: "Waves, then smiles.",
        outputFormat: "mp4",
      },
    });
    // HeyGen (the fake) was asked for burned-in captions: its finished render has a captioned copy.
    const rendered = await waitForRender("E2E captioned portrait");
    expect(rendered.captioned_video_url).toMatch(/-captioned\.mp4/);
    await page.close();
  });

  it("offers only what the look takes: engines it lists, expressiveness and motion for photo looks, no background with WebM", async () => {
    const page = await studio();
    await openMoreOptions(page);
    // The first look is a studio look on Avatar IV or III: neither expressiveness nor motion.
    expect(await page.locator("select[name='options.engine'] option").allTextContents()).toEqual([
      "HeyGen’s default (Avatar IV)",
      "Avatar III",
      "Avatar IV",
    ]);
    expect(await page.locator("[name='options.expressiveness'], [name='options.motionPrompt']").count()).toBe(0);

    await pickLook(page, PHOTO_LOOK);
    expect(await page.locator("[name='options.expressiveness'], [name='options.motionPrompt']").count()).toBe(2);
    await page.selectOption("select[name='options.engine']", "avatar_iii");
    expect(await page.locator("[name='options.expressiveness'], [name='options.motionPrompt']").count()).toBe(0);

    await pick(page, "options.background", "image");
    await pick(page, "options.outputFormat", "webm");
    expect(await page.isDisabled("input[name='options.background.url']")).toBe(true);
    expect(await page.isDisabled("input[name='options.removeBackground']")).toBe(true);
    await page.close();
  });

  it("keeps everything when HeyGen refuses, and shows the refusal beside the field it names", async () => {
    const page = await studio();
    await page.fill("input[name=title]", "E2E refused");
    await page.fill("textarea[name=script]", "A photo look on Avatar III cannot render 4K.");
    await pickLook(page, PHOTO_LOOK);

    // This look has no voice of its own: the form asks for one before sending anything.
    await page.click("button[type=submit]");
    await page.getByRole("alert").filter({ hasText: "This look has no voice of its own: pick one." }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest("[data-field]")?.getAttribute("data-field"))).toBe(
      "voiceId",
    );
    await page.getByLabel(new RegExp(`^${nameOf(FAKE_IDS.voices.olivia)}`)).check();

    await pick(page, "options.captions", "burned");
    await page.selectOption("select[name=resolution]", "4k");
    await openMoreOptions(page);
    await page.fill("input[aria-label='Speed, exact value']", "1.2");
    await page.selectOption("select[name='options.engine']", "avatar_iii");
    await pick(page, "options.background", "image");
    await page.fill("input[name='options.background.url']", "http://images.example.com/office.jpg");
    await page.click("summary:has-text('More options')"); // closed: the refusal must open it again

    // Checked in the browser first: an http image is refused before anything is sent.
    await page.click("button[type=submit]");
    const backgroundError = page.locator("fieldset:has(legend:text-is('Background')) >> text=must be an https URL");
    await backgroundError.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("options.background.url");

    // HeyGen's own refusal (photo looks on Avatar III stop at 1080p) is shown beside the resolution; all is kept.
    await page.fill("input[name='options.background.url']", "https://images.example.com/office.jpg");
    await page.click("button[type=submit]");
    const refusal = /resolution is invalid: photo avatars on avatar_iii cannot render 4k/;
    await page.getByRole("alert").filter({ hasText: refusal }).waitFor();
    expect(await page.locator("div:has(> label > select[name=resolution])").textContent()).toMatch(refusal);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("resolution");
    expect({
      title: await page.inputValue("input[name=title]"),
      script: await page.inputValue("textarea[name=script]"),
      look: await page.isChecked(`input[name=avatarId][value="${PHOTO_LOOK}"]`),
      voice: await page.inputValue("input[type=hidden][name=voiceId]"),
      captions: await page.isChecked('input[name="options.captions"][value="burned"]'),
      resolution: await page.inputValue("select[name=resolution]"),
      speed: await page.inputValue("input[aria-label='Speed, exact value']"),
      engine: await page.inputValue("select[name='options.engine']"),
      background: await page.inputValue("input[name='options.background.url']"),
    }).toEqual({
      title: "E2E refused",
      script: "A photo look on Avatar III cannot render 4K.",
      look: true,
      voice: FAKE_IDS.voices.olivia,
      captions: true,
      resolution: "4k",
      speed: "1.2",
      engine: "avatar_iii",
      background: "https://images.example.com/office.jpg",
    });
    await page.close();
  });

  it("says in plain words when HeyGen is busy or the network fails, and a retry after a network failure reuses its key", async () => {
    const page = await studio();
    await page.fill("input[name=title]", "E2E busy");
    await page.fill("textarea[name=script]", `Too many at once ${FAKE_MARKERS.rateLimited}`);
    await page.click("button[type=submit]");
    await page
      .getByRole("alert")
      .filter({ hasText: /HeyGen is busy .* Try again in 30 s/ })
      .waitFor();

    const keys: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/videos") && request.method() === "POST")
        keys.push(request.headers()["idempotency-key"]!);
    });
    await page.fill("textarea[name=script]", "Sent while offline.");
    await page.route("**/api/videos", (route) => route.abort("internetdisconnected"));
    await page.click("button[type=submit]");
    await page.getByRole("alert").filter({ hasText: "The server could not be reached" }).waitFor();
    expect(await page.inputValue("textarea[name=script]")).toBe("Sent while offline.");

    await page.unroute("**/api/videos");
    await page.click("button[type=submit]");
    await page.getByRole("status").filter({ hasText: "rendering" }).waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    await page.close();
  });

  it("keeps a video as a draft, chosen by keyboard: its page shows the admin the Draft band; viewers get 404", async () => {
    const page = await studio();
    await page.fill("input[name=title]", "E2E kept as draft");
    await page.fill("textarea[name=script]", "Reviewed before anyone sees it.");
    await page.focus('input[name=visibility][value="ready"]');
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await page.isChecked('input[name=visibility][value="draft"]')).toBe(true);
    await generateButton(page).click();
    await page.getByRole("status").filter({ hasText: "HeyGen is rendering “E2E kept as draft”" }).waitFor();

    await page.getByRole("link", { name: "Watch it" }).click();
    await page.getByTestId("visibility-band").filter({ hasText: "Draft — viewers cannot see this" }).waitFor();
    const watchUrl = page.url();
    const viewer = await browser.newContext(); // no session
    expect((await (await viewer.newPage()).goto(watchUrl))?.status()).toBe(404);
    expect((await fetch(watchUrl.replace("/videos/", "/api/videos/"))).status).toBe(404);
    await viewer.close();
    await page.close();
  });

  it("works on a 390 px phone: one column, nothing wider than the screen, and nothing serious for axe with every option shown", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await studio(context);
    await pickLook(page, PHOTO_LOOK);
    await openMoreOptions(page);
    await pick(page, "options.background", "color");
    await pick(page, "visibility", "at"); // its date and time field shown too
    await page.locator("input[name=publishAt]").waitFor();
    await page.fill("textarea[name=script]", SCRIPT_42_SECONDS);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "studio-phone");
    await context.close();
  });
});

/** The fake HeyGen's record of the video with this title, once it has finished rendering. */
async function waitForRender(title: string): Promise<Record<string, unknown>> {
  const url = `${inject("heygenUrl")}/v3/videos?title=${encodeURIComponent(title)}`;
  for (
    const deadline = Date.now() + inject("renderMs") + 15_000;
    Date.now() < deadline;
    await new Promise((r) => setTimeout(r, 250))
  ) {
    const { data } = (await (await fetch(url, { headers: { "x-api-key": inject("heygenApiKey") } })).json()) as {
      data: Array<Record<string, unknown>>;
    };
    if (data[0]?.status === "completed") return data[0];
  }
  throw new Error(`${title} did not finish rendering`);
}

describe("the studio a first-time user expects (issue 16)", () => {
  /** A presenter on the portrait look, 4:5, burned-in captions, inserted as the presenters page would save it. */
  async function portraitPresenter(name: string) {
    const id = `e2e-${Math.random().toString(36).slice(2, 10)}`;
    await db.query(
      `INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, options, tags, "updatedAt")
       VALUES ($1, $2, $3, '4:5', '720p', $4, '{}', now())`,
      [id, name, PORTRAIT_LOOK.id, JSON.stringify({ captions: "burned", outputFormat: "mp4" })],
    );
    return id;
  }
  /** The bodies the page sends to POST /api/videos. */
  function sentBodies(page: Page) {
    const bodies: Record<string, unknown>[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/videos") && request.method() === "POST") bodies.push(request.postDataJSON());
    });
    return bodies;
  }
  const inView = async (page: Page, selector: string) => {
    const box = (await page.locator(selector).boundingBox())!;
    const { height } = page.viewportSize()!;
    return box.y >= 0 && box.y + box.height <= height;
  };
  const preview = (page: Page) => page.getByTestId("studio-preview");

  it("desktop: starts from a presenter, previews it beside the form, refuses an empty title at its field, and shows a hung create in amber", async () => {
    const presenterId = await portraitPresenter("E2E Anna");
    const page = await studio();
    const sent = sentBodies(page);
    await page.selectOption("select[name=presenterId]", { label: `E2E Anna (${PORTRAIT_LOOK.name})` });
    expect(await page.isChecked(`input[name=avatarId][value="${PORTRAIT_LOOK.id}"]`)).toBe(true);
    expect(await page.isChecked('input[name=aspectRatio][value="4:5"]')).toBe(true);
    expect(await page.isChecked('input[name="options.captions"][value="burned"]')).toBe(true);
    expect(await preview(page).getAttribute("data-aspect-ratio")).toBe("4:5");
    const frame = (await preview(page).locator("div").first().boundingBox())!;
    expect(frame.width / frame.height).toBeCloseTo(4 / 5, 1);

    // The preview and Generate stay beside the form as it scrolls.
    await page.fill("textarea[name=script]", `Good morning ${FAKE_MARKERS.hang}`);
    await page.mouse.wheel(0, 1200);
    await page.waitForFunction(() => scrollY > 800);
    expect(await inView(page, "[data-testid=studio-preview]")).toBe(true);
    expect(await inView(page, "[data-testid=generate-bar] button[type=submit]")).toBe(true);

    // An empty title: one sentence at the field, focused, nothing sent (noValidate: no browser bubble).
    await generateButton(page).click();
    await page.getByRole("alert").filter({ hasText: "Give the video a title." }).waitFor();
    expect(await page.getByRole("alert").filter({ hasText: /\S/ }).allTextContents()).toEqual([
      "Give the video a title.",
    ]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("title");
    expect(sent).toEqual([]);

    // A create that hangs until the timeout, while HeyGen's webhook completes it: amber, like any lost answer.
    await page.fill("input[name=title]", "E2E hung create");
    await generateButton(page).click();
    const status = page.getByRole("status").filter({ hasText: "HeyGen did not confirm “E2E hung create”" });
    await status.waitFor({ timeout: 45_000 });
    expect(await status.getAttribute("class")).toContain("text-amber-800");
    expect(sent).toEqual([expect.objectContaining({ presenterId, avatarId: PORTRAIT_LOOK.id, aspectRatio: "4:5" })]);
    // A new draft: title and script cleared; the presenter, look and format kept.
    expect(await page.inputValue("input[name=title]")).toBe("");
    expect(await page.inputValue("textarea[name=script]")).toBe("");
    expect(await page.inputValue("select[name=presenterId]")).toBe(presenterId);
    expect(await page.isChecked('input[name=aspectRatio][value="4:5"]')).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "studio-desktop-preview");
    await page.close();
  }, 90_000);

  it("phone: the Generate bar stays on screen while the form scrolls, a made video starts a new draft, axe clean", async () => {
    await portraitPresenter("E2E Phone presenter");
    const context = await browser.newContext({ viewport: PHONE });
    const page = await studio(context);
    await page.selectOption("select[name=presenterId]", { label: `E2E Phone presenter (${PORTRAIT_LOOK.name})` });
    await page.fill("input[name=title]", "E2E phone draft");
    await page.fill("textarea[name=script]", "Hello from a phone.");
    await page.mouse.wheel(0, 1500);
    await page.waitForFunction(() => scrollY > 1000);
    expect(await inView(page, "[data-testid=generate-bar] button[type=submit]")).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await preview(page).getAttribute("data-aspect-ratio")).toBe("4:5");

    await generateButton(page).click();
    await page.getByRole("status").filter({ hasText: "HeyGen is rendering “E2E phone draft”" }).waitFor();
    expect(await page.inputValue("input[name=title]")).toBe("");
    expect(await page.inputValue("textarea[name=script]")).toBe("");
    expect(await page.isChecked(`input[name=avatarId][value="${PORTRAIT_LOOK.id}"]`)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "studio-phone-preview");
    await context.close();
  });
});
