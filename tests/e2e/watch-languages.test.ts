import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { DESKTOP, PHONE, screenshot, startViewerStack, type ViewerStack } from "./viewer-stack";

let stack: ViewerStack;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** The source's id, and its Spanish and Japanese translations' ids. */
let source: string;
let spanish: string;
let japanese: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startViewerStack(), launchChromium()]);
  source = await stack.createVideo({ title: "Weekly news" });
  await stack.waitUntilFinished(source);
  spanish = await translation(source, "Spanish (Spain)");
  japanese = await translation(source, "Japanese");
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await stack?.stop();
});

/**
 * A finished translation of `sourceId` into `language`, as the translation lane leaves it: a variant row with the
 * source's visibility and its own copy of the media (the source's stored files, under the variant's own URLs).
 */
async function translation(sourceId: string, language: string): Promise<string> {
  const id = randomBytes(12).toString("hex").replace(/^\d/, "c");
  await stack.db.query(
    `INSERT INTO "Video" (id, title, script, "avatarId", "aspectRatio", resolution, status, "videoUrl", "thumbnailUrl",
       "subtitleUrl", duration, "heygenVideoId", "heygenCheckedAt", "mediaExpiresAt", "createdAt", "updatedAt",
       "completedAt", "detailsAt", "storedMedia", "mediaStoredAt", visibility, "publishAt", "publishedAt",
       "sourceVideoId", language, "variantKey")
     SELECT $1, title || ' (' || $2 || ')', script, "avatarId", "aspectRatio", resolution, 'COMPLETED', "videoUrl",
       "thumbnailUrl", "subtitleUrl", duration, 'seeded-' || $1, now(), now() + interval '7 days', now(), now(), now(),
       now(), "storedMedia", "mediaStoredAt", visibility, "publishAt", "publishedAt", id, $2, id || ':' || $2
     FROM "Video" WHERE id = $3`,
    [id, language, sourceId],
  );
  return id;
}

async function open(path: string, options: { viewport?: typeof DESKTOP; locale?: string } = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? "en-US",
  });
  contexts.push(context);
  const page = await context.newPage();
  const response = await page.goto(`${stack.url}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

const videoSrc = (page: Page) => page.locator("video").getAttribute("src");
/** Waits for the player to know its media's length (so that a position can be set and kept). */
const metadataLoaded = (page: Page) =>
  page.waitForFunction(() => (document.querySelector("video")?.readyState ?? 0) >= 1);

describe("one watch page, many languages (issue 19)", () => {
  it("lands a Spanish reader on the Spanish translation, and switches to the original in place", async () => {
    const page = await open(`/videos/${source}`, { locale: "es-ES" });
    expect(await videoSrc(page)).toMatch(new RegExp(`^/media/${spanish}/[0-9a-f]{8}\\.mp4$`));
    const menu = page.getByRole("combobox", { name: "Language" });
    expect(await menu.locator("option").allTextContents()).toEqual(["Original", "Japanese", "Spanish (Spain)"]);
    expect(await page.locator("track").getAttribute("src")).toBe(`/api/videos/${spanish}/captions`);

    // The head names every language version for search engines, and the plain URL as x-default.
    const hreflang = await page
      .locator("link[rel=alternate][hreflang]")
      .evaluateAll((links) => links.map((link) => [link.getAttribute("hreflang"), link.getAttribute("href")]));
    const watch = `${stack.url}/videos/${source}`;
    expect(hreflang).toEqual(
      expect.arrayContaining([
        ["es-ES", `${watch}?lang=es-ES`],
        ["ja", `${watch}?lang=ja`],
        ["x-default", watch],
      ]),
    );

    await metadataLoaded(page);
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
      document.querySelector("video")!.currentTime = 2;
    });
    await menu.selectOption({ label: "Original" });
    await page.waitForFunction(
      (id) => document.querySelector("video")?.getAttribute("src")?.includes(`/media/${id}/`),
      source,
    );
    await metadataLoaded(page);
    await page.waitForFunction(() => Math.abs(document.querySelector("video")!.currentTime - 2) < 0.5);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(new URL(page.url()).searchParams.get("lang")).toBe("original");
    expect(await page.locator("track").getAttribute("src")).toBe(`/api/videos/${source}/captions`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "watch-languages-desktop");
  });

  it("opens the language ?lang= names, on a phone without sideways scrolling; the embed too", async () => {
    const page = await open(`/videos/${source}?lang=ja`, { viewport: PHONE });
    expect(await videoSrc(page)).toMatch(new RegExp(`^/media/${japanese}/`));
    expect(await page.getByRole("combobox", { name: "Language" }).inputValue()).toBe(japanese);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "watch-languages-phone");

    const embed = await open(`/embed/${source}?lang=es-ES`);
    expect(await videoSrc(embed)).toMatch(new RegExp(`^/media/${spanish}/`));
    expect(await embed.getByRole("combobox", { name: "Language" }).inputValue()).toBe(spanish);
    expect(await seriousViolations(embed)).toEqual([]);
    await screenshot(embed, "watch-languages-embed");
  });

  it("offers no menu on a video without a finished translation", async () => {
    const plain = await stack.createVideo({ title: "Only in its own words" });
    await stack.waitUntilFinished(plain);
    const page = await open(`/videos/${plain}`, { locale: "es-ES" });
    expect(await page.locator("video").count()).toBe(1);
    expect(await page.getByRole("combobox", { name: "Language" }).count()).toBe(0);
  });
});
