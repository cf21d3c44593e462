import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { FAKE_IDS, fakeLooks, fakeVoices } from "../../src/mocks/heygen/fake-heygen";
import { DEFAULT_MEDIA_URL_LIFETIME_SECONDS } from "../../src/mocks/heygen/media";
import { launchChromium } from "./browser";
import { DESKTOP, PHONE, screenshot } from "./viewer-stack";

const appUrl = inject("appUrl");
const { looks, voices } = FAKE_IDS;
const nameOf = (voiceId: string) => fakeVoices.find((voice) => voice.voice_id === voiceId)!.name;

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(async () => {
  await context?.close();
});
afterAll(async () => {
  await browser?.close();
});

async function studio(viewport = DESKTOP): Promise<Page> {
  context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${appUrl}/login`);
  await page.fill("input[name=password]", inject("adminPassword"));
  await page.click("button[type=submit]");
  await page.waitForURL(`${appUrl}/admin`);
  await page.locator(`label[data-look-id="${looks.portrait}"]`).waitFor();
  return page;
}

const card = (page: Page, lookId: string) => page.locator(`label[data-look-id="${lookId}"]`);

/** Whether the card's preview video plays: not paused, and its time moves on. */
async function previewPlays(look: Locator): Promise<boolean> {
  const video = look.locator("video");
  await video.waitFor();
  return video.evaluate(async (element: HTMLVideoElement) => {
    const start = element.currentTime;
    for (let waited = 0; waited < 5_000 && element.currentTime <= start; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return !element.paused && element.currentTime > start;
  });
}

/** The looks' cards shown, outside the "Chosen" section. */
const listedLooks = (page: Page) =>
  page
    .locator("section:not([aria-label^='Chosen']) label[data-look-id]")
    .evaluateAll((labels) => labels.map((label) => label.getAttribute("data-look-id")));

describe("the studio's catalogue, in Chromium against the production build", () => {
  it("plays a look's preview while hovered or focused, and picking it pre-selects its format", async () => {
    const page = await studio();
    const portrait = card(page, looks.portrait);
    expect(await portrait.locator("video").count()).toBe(0); // no autoplay

    await portrait.hover();
    expect(await previewPlays(portrait)).toBe(true);
    await page.mouse.move(0, 0);
    await portrait.locator("video").waitFor({ state: "detached" });

    await portrait.click();
    expect(await page.isChecked(`input[name=avatarId][value="${looks.portrait}"]`)).toBe(true);
    expect(await page.isChecked('input[name=aspectRatio][value="9:16"]')).toBe(true);

    // Keyboard: the arrow key moves focus (and the choice) to the next look, whose preview plays.
    await page.mouse.move(0, 0);
    await page.keyboard.press("ArrowRight");
    const next = card(page, await page.evaluate(() => (document.activeElement as HTMLInputElement).value));
    expect(await previewPlays(next)).toBe(true);
    expect(await portrait.locator("video").count()).toBe(0);
  });

  it("filters the looks on the server, grouped by avatar, and keeps the chosen look shown", async () => {
    const page = await studio();
    await card(page, looks.portrait).click();

    await page.getByLabel("Search looks").fill("brandon");
    await page.waitForFunction(() => document.querySelectorAll("label[data-look-id]").length === 3);
    expect(await listedLooks(page)).toEqual([looks.brandon, looks.square]);
    expect(await page.getByRole("heading", { name: "Brandon" }).count()).toBe(1);
    // The chosen look, hidden by the filter, is still shown and still the choice.
    const chosen = page.getByRole("region", { name: /Chosen look/ });
    expect(await chosen.locator(`input[value="${looks.portrait}"]`).isChecked()).toBe(true);

    await page.getByLabel("Search looks").fill("");
    await page.getByLabel("Orientation").selectOption("square");
    await page.waitForFunction(
      () => document.querySelectorAll("section:not([aria-label^='Chosen']) label[data-look-id]").length === 2,
    );
    expect((await listedLooks(page)).sort()).toEqual([looks.square, looks.photoNoDefaultVoice].sort());

    await page.getByLabel("Orientation").selectOption("");
    await page.getByLabel("Source").selectOption("private");
    await page.waitForFunction(
      () => document.querySelectorAll("section:not([aria-label^='Chosen']) label[data-look-id]").length === 1,
    );
    expect(await listedLooks(page)).toEqual([looks.privateTwin]);
    expect(await card(page, looks.privateTwin).textContent()).toContain("Your own");

    await page.getByLabel("Source").selectOption("");
    await page.getByRole("button", { name: "Only Brandon" }).click();
    await page.getByText("Only Brandon’s looks.").waitFor();
    expect(await listedLooks(page)).toEqual([looks.brandon, looks.square]);
  });

  it("reloads the catalogue from HeyGen when the admin asks (fresh preview URLs)", async () => {
    const page = await studio();
    const image = card(page, looks.portrait).locator("img");
    const before = await image.getAttribute("src");
    // HeyGen's URLs are signed to the second: a reload within the second `before` was signed in could sign it again.
    const signedAt = Number(new URL(before!).searchParams.get("Expires")) - DEFAULT_MEDIA_URL_LIFETIME_SECONDS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (signedAt + 1) * 1000 - Date.now())));
    await page.getByRole("button", { name: "Reload from HeyGen" }).click();
    await page.waitForFunction(
      ([id, src]) => document.querySelector(`label[data-look-id="${id}"] img`)?.getAttribute("src") !== src,
      [looks.portrait, before] as const,
    );
    expect(await page.getByRole("button", { name: "Reload from HeyGen" }).isEnabled()).toBe(true);
  });

  it("plays one voice preview at a time, names the look's own voice, and asks for one when the look has none", async () => {
    const page = await studio();
    await card(page, looks.portrait).click();
    await page.getByText(`The look’s own voice: ${nameOf(voices.sara)}`).waitFor();

    const olivia = page.getByRole("button", { name: `Play preview of ${nameOf(voices.olivia)}` });
    await olivia.click();
    expect(await olivia.getAttribute("aria-pressed")).toBe("true");
    const audio = page.getByTestId("voice-preview-audio");
    const playing = await audio.evaluate(async (element: HTMLAudioElement) => {
      const start = element.currentTime;
      for (const deadline = Date.now() + 5_000; element.currentTime <= start && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return { paused: element.paused, advanced: element.currentTime > start, src: element.currentSrc };
    });
    expect(playing).toMatchObject({
      paused: false,
      advanced: true,
      src: expect.stringContaining(`voice-${voices.olivia}.mp3`),
    });

    const james = page.getByRole("button", { name: `Play preview of ${nameOf(voices.james)}` });
    await james.click();
    expect(await james.getAttribute("aria-pressed")).toBe("true");
    expect(await olivia.getAttribute("aria-pressed")).toBe("false");
    await james.click();
    expect(await james.getAttribute("aria-pressed")).toBe("false");
    expect(await audio.evaluate((element: HTMLAudioElement) => element.paused)).toBe(true);

    await page.getByLabel(new RegExp(`^${nameOf(voices.olivia)}`)).check();
    expect(await page.inputValue("input[type=hidden][name=voiceId]")).toBe(voices.olivia);

    const photo = fakeLooks.find((look) => look.id === looks.photoNoDefaultVoice)!;
    await card(page, photo.id).click();
    await page.getByLabel(/^The look’s own voice/).waitFor();
    expect(await page.getByLabel(/^The look’s own voice/).isDisabled()).toBe(true);
  });

  it("finds voices by description through HeyGen, listed the same way", async () => {
    const page = await studio();
    await page.getByRole("textbox", { name: "Describe the voice" }).fill("warm, confident narrator");
    await page.getByRole("button", { name: "Find voices" }).click();
    const results = page.getByRole("list", { name: "Voices matching the description" });
    await results.waitFor();
    expect(await results.getByRole("listitem").count()).toBe(3);
    const first = fakeVoices.find((voice) => voice.type === "public")!;
    expect(await results.getByRole("button", { name: `Play preview of ${first.name}` }).count()).toBe(1);
    await results.getByLabel(new RegExp(`^${first.name}`)).check();
    expect(await page.inputValue("input[type=hidden][name=voiceId]")).toBe(first.voice_id);

    await page.getByRole("button", { name: "Other matches" }).click();
    await results
      .getByLabel(new RegExp(`^${fakeVoices.filter((voice) => voice.type === "public")[3]!.name}`))
      .waitFor();
  });

  it.each([
    ["studio-catalogue-desktop", DESKTOP],
    ["studio-catalogue-phone", PHONE],
  ])("looks right at %s size", async (name, viewport) => {
    const page = await studio(viewport);
    await page
      .getByRole("button", { name: `Play preview of ${nameOf(voices.sara)}` })
      .first()
      .waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, name);
  });
});
