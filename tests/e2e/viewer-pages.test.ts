import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FAKE_MARKERS } from "../../src/mocks/heygen/fake-heygen";
import { ASPECT_RATIOS } from "../../src/lib/video-format";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { DESKTOP, PHONE, screenshot, startViewerStack, thumbnailOf, type ViewerStack } from "./viewer-stack";

const renderMs = inject("renderMs");
const DAY = 86_400_000;
const PAGE_SIZE = 24;
const SEEDED = PAGE_SIZE + 6;

let stack: ViewerStack;
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  [stack, browser] = await Promise.all([startViewerStack(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function open(
  path: string,
  options: { viewport?: typeof DESKTOP; permissions?: string[]; init?: () => void } = {},
) {
  const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP, permissions: options.permissions });
  contexts.push(context);
  await context.addInitScript(recordLayoutShifts);
  if (options.init) await context.addInitScript(options.init);
  const page = await context.newPage();
  const response = await page.goto(`${stack.url}${path}`);
  return { page, status: response?.status() };
}

/**
 * Sums the page's unexpected layout shifts (Chromium's Layout Instability API) in window.layoutShift. Chromium also
 * reports its own caption box inside a playing <video>: a 32 px strip of the picture's width, moved from the top of
 * the picture to the bottom at each new caption line (~0.025 a line at 1280 × 800; none with the <track> removed).
 * That box is the browser's (its shadow tree: the entry names no node) and moves nothing of the page: entries made
 * only of such sources are left out.
 */
function recordLayoutShifts() {
  type Source = { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
  type Shift = { value: number; hadRecentInput: boolean; sources: Source[] };
  const record = window as unknown as { layoutShift: number };
  record.layoutShift = 0;
  const inside = (rect: DOMRectReadOnly, box: DOMRect) =>
    rect.x >= box.x - 1 &&
    rect.y >= box.y - 1 &&
    rect.x + rect.width <= box.right + 1 &&
    rect.y + rect.height <= box.bottom + 1;
  const inAPlayer = (source: Source) =>
    source.node === null &&
    [...document.querySelectorAll("video")].some((video) => {
      const box = video.getBoundingClientRect();
      return inside(source.previousRect, box) && inside(source.currentRect, box);
    });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as Shift[]) {
      const captionBox = entry.sources.length > 0 && entry.sources.every(inAPlayer);
      if (!entry.hadRecentInput && !captionBox) record.layoutShift += entry.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
}
/**
 * Notes in window.playerBoxes where the progress last was before the player replaced it, and where the player
 * first appeared: in the page itself, so a render that finishes quickly cannot slip between two looks.
 */
function recordPlayerBoxes() {
  const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {};
  const box = (element: Element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x, y, width, height };
  };
  new MutationObserver(() => {
    const progress = document.querySelector("[data-testid=video-generating]");
    const player = document.querySelector("[data-testid=video-ready]");
    // Once the stylesheet applies (it makes both blocks): before, the parser's first look is unstyled.
    if (progress && getComputedStyle(progress).display === "flex") boxes.progress = box(progress);
    if (player && !boxes.player && getComputedStyle(player).display === "block") boxes.player = box(player);
  }).observe(document, { subtree: true, childList: true, characterData: true });
  Object.assign(window, { playerBoxes: boxes });
}

const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);

/** Scrolls to the end and back, so that lazy thumbnails load (and show in the full-page screenshot). */
async function loadLazyImages(page: Page) {
  for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
  }
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
  await page.evaluate(() => window.scrollTo(0, 0));
}

const cardTitles = (page: Page) => page.locator("main li h2").allTextContents();

describe("the gallery", () => {
  it("says there is nothing yet when no video is finished", async () => {
    await stack.insertVideo({ title: "Still rendering", status: "PROCESSING" });
    const { page } = await open("/");
    await page.getByText("No videos yet").waitFor();
    expect(await page.locator("main li").count()).toBe(0);
    expect(await page.getByRole("navigation", { name: "Gallery pages" }).count()).toBe(0);
    await screenshot(page, "gallery-empty");
  });

  describe("with videos", () => {
    const seededTitles: string[] = [];
    beforeAll(async () => {
      // One a day for a month, of every format in turn; the newest is "Video 30".
      for (let i = 1; i <= SEEDED; i++) {
        const aspectRatio = ASPECT_RATIOS[i % ASPECT_RATIOS.length]!;
        await stack.insertVideo({
          title: `Video ${i} (${aspectRatio})`,
          aspectRatio,
          createdAt: new Date(Date.now() - (SEEDED - i + 1) * DAY),
          thumbnailUrl: thumbnailOf(aspectRatio, (i * 47) % 360),
          duration: 30 + i,
        });
        seededTitles.unshift(`Video ${i} (${aspectRatio})`);
      }
    });

    it(`shows ${PAGE_SIZE} finished videos a page, newest first, with "Older videos" and "Newest" links`, async () => {
      const { page } = await open("/");
      expect(await cardTitles(page)).toEqual(seededTitles.slice(0, PAGE_SIZE));
      const newest = page.locator("main li").first();
      expect(await newest.textContent()).toContain("1:00"); // duration of Video 30
      expect(await newest.locator("time").textContent()).toBe("yesterday");

      await page.getByRole("link", { name: "Older videos" }).click();
      await page.waitForURL(/\?before=/);
      expect(await cardTitles(page)).toEqual(seededTitles.slice(PAGE_SIZE));
      expect(await page.getByRole("link", { name: "Older videos" }).count()).toBe(0);

      await page.getByRole("link", { name: "Newest" }).click();
      await page.waitForURL(`${stack.url}/`);
      expect(await cardTitles(page)).toEqual(seededTitles.slice(0, PAGE_SIZE));
    });

    it("answers a cursor it did not make with the first page, never an error", async () => {
      const { page, status } = await open("/?before=%00not-a-cursor");
      expect(status).toBe(200);
      expect(await cardTitles(page)).toEqual(seededTitles.slice(0, PAGE_SIZE));
    });

    it.each([
      ["desktop", DESKTOP],
      ["phone", PHONE],
    ])(
      "gives portrait and landscape thumbnails the same box, without layout shift, on a %s",
      async (name, viewport) => {
        const { page } = await open("/", { viewport });
        await loadLazyImages(page);
        const boxes = await page
          .locator("main li a > div")
          .evaluateAll((elements) =>
            elements.map((element) => element.getBoundingClientRect()).map(({ width, height }) => ({ width, height })),
          );
        for (const box of boxes) {
          expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
          expect(box.width).toBeCloseTo(boxes[0]!.width, 0);
        }
        expect(boxes[0]!.width).toBeLessThanOrEqual(viewport.width);
        const fits = await page
          .locator("main li img:not([aria-hidden])")
          .evaluateAll((images) => images.map((image) => getComputedStyle(image).objectFit));
        expect(new Set(fits)).toEqual(new Set(["contain"])); // shown whole, never cropped
        expect(await layoutShift(page)).toBe(0);
        await screenshot(page, `gallery-${name}`);
      },
    );
  });
});

describe("the watch page", () => {
  beforeAll(async () => {
    // Earlier renders, two minutes each, for the estimate while a video renders.
    for (let i = 0; i < 3; i++)
      await stack.insertVideo({ title: `Old render ${i}`, createdAt: new Date(Date.now() - 90 * DAY) });
  });

  it("shows a finished video with its poster, duration and captions, and shares it: copy link, download", async () => {
    const id = await stack.createVideo({ title: "Ready to watch" });
    const ready = await stack.waitUntilFinished(id);
    const { page } = await open(`/videos/${id}`, { permissions: ["clipboard-read", "clipboard-write"] });

    const video = page.getByTestId("video-ready");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ready to watch");
    expect(await video.getAttribute("poster")).toBe(ready.thumbnailUrl);
    expect(await page.getByTestId("video-duration").textContent()).toBe("· Duration 0:05");
    expect(await video.locator("track[kind=captions]").getAttribute("src")).toBe(`/api/videos/${id}/captions`);

    const download = page.getByRole("link", { name: "Download" });
    expect(await download.getAttribute("href")).toBe(`/media/${id}/download`);
    expect(await download.getAttribute("download")).toBe("");
    // Headless Chromium on Linux has no Web Share API: no button that would do nothing.
    expect(await page.getByRole("button", { name: "Share…" }).count()).toBe(0);

    await page.getByRole("button", { name: "Copy link" }).click();
    await page.getByRole("status").filter({ hasText: "Link copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${stack.url}/videos/${id}`);
    await screenshot(page, "watch-desktop");
  });

  it("offers the browser's share sheet where there is one, with the page's link", async () => {
    const id = await stack.insertVideo({ title: "Shared" });
    const { page } = await open(`/videos/${id}`, {
      init: () => {
        const shared: ShareData[] = [];
        Object.assign(window, { shared });
        navigator.share = async (data) => void shared.push(data!);
      },
    });
    await page.getByRole("button", { name: "Share…" }).click();
    expect(await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared)).toEqual([
      { title: "Shared", url: `${stack.url}/videos/${id}` },
    ]);
  });

  it("fits a portrait video on a phone's screen", async () => {
    const id = await stack.createVideo({ title: "Portrait on a phone", aspectRatio: "9:16" });
    await stack.waitUntilFinished(id);
    const { page } = await open(`/videos/${id}`, { viewport: PHONE });
    const box = (await page.getByTestId("video-ready").boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(9 / 16, 2);
    expect(box.height).toBeLessThanOrEqual(PHONE.height * 0.75 + 1);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, "watch-phone");
  });

  it("while rendering, shows the stages, the time so far and the usual time left", async () => {
    // Started 50 s ago; earlier renders took 2 min each.
    const id = await stack.insertVideo({
      title: "Rendering now",
      status: "PROCESSING",
      createdAt: new Date(Date.now() - 50_000),
    });
    const { page } = await open(`/videos/${id}`);
    const progress = page.getByTestId("video-generating");
    const stages = progress.getByRole("list", { name: "Progress" }).getByRole("listitem");
    expect(await stages.allTextContents()).toEqual(["✓Queued(done)", "2Rendering", "3Ready"]);
    expect(await stages.evaluateAll((items) => items.map((item) => item.getAttribute("aria-current")))).toEqual([
      null,
      "step",
      null,
    ]);
    await progress.getByText(/^0:5\d elapsed · plays here once ready$/).waitFor();
    await progress.getByText("usually about 2 min — about 1 min left").waitFor();
    await screenshot(page, "rendering");
    await page.setViewportSize(PHONE);
    await screenshot(page, "rendering-phone");
  });

  it("switches from the progress to the player in the same box, without a reload or a layout shift", async () => {
    // The webhook comes a while after the render (3 × renderMs): the page is open before, even on a busy machine.
    const id = await stack.createVideo({ title: "Becomes ready", script: `Hello ${FAKE_MARKERS.lateWebhook}` });
    const { page } = await open(`/videos/${id}`, { init: recordPlayerBoxes });
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.getByTestId("video-ready").waitFor({ timeout: 4 * renderMs + 10_000 });
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
    const boxes = await page.evaluate(() => (window as unknown as { playerBoxes: object }).playerBoxes);
    expect(boxes).toEqual({ progress: expect.objectContaining({ width: 992 }), player: expect.anything() });
    expect((boxes as { player: unknown }).player).toEqual((boxes as { progress: unknown }).progress);
    await page.getByTestId("video-duration").waitFor();
    // The muted autoplay (its own test below) plays it through, caption lines and all: nothing of the page moves,
    // from the swap to the end (measured 0, alone and with the whole file; Chromium's caption box aside, see above).
    const ended = () => document.querySelector<HTMLVideoElement>("[data-testid=video-ready]")?.ended;
    await page.waitForFunction(ended, null, { timeout: 15_000 });
    expect(await layoutShift(page)).toBe(0);
  });

  it("tells viewers in plain words when a render failed", async () => {
    const id = await stack.createVideo({ title: "Will fail", script: `This one fails ${FAKE_MARKERS.fail}.` });
    const { page } = await open(`/videos/${id}`);
    const failed = page.getByTestId("video-failed");
    await failed.waitFor({ timeout: renderMs + 10_000 });
    expect(await failed.textContent()).toBe(
      "This video could not be made.Something went wrong while it was being made.",
    );
    await screenshot(page, "failed");
  });

  it("answers an unknown video with a 404 page that leads back to the gallery", async () => {
    const { page, status } = await open("/videos/nosuchvideo0000000000000");
    expect(status).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Video not found");
    expect(await page.title()).toBe("Video not found · Avatar Studio");
    await screenshot(page, "not-found");
    await page.getByRole("link", { name: "Browse all videos" }).click();
    await page.waitForURL(`${stack.url}/`);
    await page.getByRole("heading", { name: "Videos" }).waitFor();
  });

  it("answers any other unknown address with a 404 page too", async () => {
    const { page, status } = await open("/no/such/page");
    expect(status).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    expect(await page.getByRole("link", { name: "Browse all videos" }).getAttribute("href")).toBe("/");
  });
});

describe("the watch page's parts", () => {
  const playerState = (page: Page) =>
    page.getByTestId("video-ready").evaluate((video: HTMLVideoElement) => ({
      muted: video.muted,
      paused: video.paused,
      time: video.currentTime,
    }));

  it("starts a video that finishes while it is watched, muted, with an Unmute button", async () => {
    const id = await stack.createVideo({ title: "Starts by itself", script: `Hello ${FAKE_MARKERS.lateWebhook}` });
    const { page } = await open(`/videos/${id}`);
    await page.getByTestId("video-generating").waitFor();
    const unmute = page.getByRole("button", { name: "Unmute" });
    await unmute.waitFor({ timeout: 4 * renderMs + 10_000 });
    expect(await playerState(page)).toMatchObject({ muted: true, paused: false });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "autoplay-unmute");
    await unmute.click();
    // The fake's video is 5 s long: it may have ended by now; the sound is on for the next play.
    expect(await playerState(page)).toMatchObject({ muted: false });
    await unmute.waitFor({ state: "detached" });
  });

  for (const [size, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    it(`transcript: a caption line plays the video from its time (${size})`, async () => {
      const id = await stack.createVideo({ title: `Transcript ${size}` });
      await stack.waitUntilFinished(id);
      const { page } = await open(`/videos/${id}`, { viewport });
      const transcript = page.getByRole("region", { name: "Transcript" });
      const line = transcript.getByRole("button", { name: "Play from 0:02 by the offline fake HeyGen." });
      await line.click();
      await page.waitForFunction(() => {
        const video = document.querySelector<HTMLVideoElement>("[data-testid=video-ready]")!;
        return !video.paused && video.currentTime >= 2.4;
      });
      await transcript.locator("button[aria-current=true]", { hasText: "by the offline fake" }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `transcript-${size}`);
    });

    it(`Embed gives the iframe code oEmbed gives (${size})`, async () => {
      const id = await stack.createVideo({ title: `Embed ${size}` });
      await stack.waitUntilFinished(id);
      const { page } = await open(`/videos/${id}`, { viewport });
      await page.getByRole("button", { name: "Embed" }).click();
      const code = page.getByRole("textbox", { name: /Paste this into your page/ });
      const oEmbed = (await (
        await fetch(`${stack.url}/api/oembed?${new URLSearchParams({ url: page.url() })}`)
      ).json()) as { html: string };
      expect(await code.inputValue()).toBe(oEmbed.html);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `embed-code-${size}`);
    });
  }
});
