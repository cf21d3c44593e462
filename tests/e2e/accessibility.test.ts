import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, type Violation } from "./axe";
import { launchChromium } from "./browser";
import { DESKTOP, PHONE, startViewerStack, thumbnailOf, type ViewerStack } from "./viewer-stack";

const SIZES = { desktop: DESKTOP, phone: PHONE };

let stack: ViewerStack;
let browser: Browser;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startViewerStack(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** axe-core's serious and critical findings on each page at each size, by "page @ size" (none: an empty list). */
async function audit(paths: Record<string, string>, options: { admin?: boolean } = {}) {
  const found: Record<string, Violation[]> = {};
  for (const [size, viewport] of Object.entries(SIZES)) {
    const context = await browser.newContext({ viewport });
    if (options.admin) await stack.logIn(context);
    const page = await context.newPage();
    for (const [name, path] of Object.entries(paths)) {
      await page.goto(`${stack.url}${path}`);
      await page.waitForLoadState("load"); // not "networkidle": a rendering video holds a long-poll open
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[`${name} @ ${size}`] = violations;
    }
    await context.close();
  }
  return found;
}

describe("axe-core finds nothing serious or critical", () => {
  it("on the empty gallery", async () => {
    expect(await audit({ "empty gallery": "/" })).toEqual({});
  });

  describe("with videos", () => {
    const paths: Record<string, string> = {};
    beforeAll(async () => {
      for (const [i, aspectRatio] of (["16:9", "9:16", "1:1"] as const).entries()) {
        await stack.insertVideo({
          title: `Seeded ${aspectRatio}`,
          aspectRatio,
          thumbnailUrl: thumbnailOf(aspectRatio, i * 120),
          duration: 42,
        });
      }
      const ready = await stack.createVideo({ title: "Ready" });
      await stack.waitUntilFinished(ready);
      const rendering = await stack.insertVideo({
        title: "Rendering",
        status: "PROCESSING",
        createdAt: new Date(Date.now() - 30_000),
      });
      const failed = await stack.insertVideo({
        title: "Failed",
        status: "FAILED",
        error: "MOVIO_RENDER_FAILED: internal",
      });
      Object.assign(paths, {
        gallery: "/",
        "watch, ready": `/videos/${ready}`,
        "watch, rendering": `/videos/${rendering}`,
        "watch, failed": `/videos/${failed}`,
        "unknown video": "/videos/nosuchvideo0000000000000",
        "unknown page": "/no/such/page",
        login: "/login",
      });
    });

    it("on the gallery, the watch pages, the 404 pages and the login page", async () => {
      expect(await audit(paths)).toEqual({});
    });

    it("on the admin page, logged in", async () => {
      expect(await audit({ admin: "/admin" }, { admin: true })).toEqual({});
    });

    it("on the overview, logged in, which fits a phone's width", async () => {
      expect(await audit({ overview: "/admin/overview" }, { admin: true })).toEqual({});
      const context = await browser.newContext({ viewport: PHONE });
      await stack.logIn(context);
      const page = await context.newPage();
      await page.goto(`${stack.url}/admin/overview`);
      await page.getByRole("link", { name: "Rendering" }).waitFor(); // the oldest render in progress
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await context.close();
    });

    it("and the watch page works from the keyboard, with a visible focus ring on each stop", async () => {
      const context = await browser.newContext({
        viewport: DESKTOP,
        permissions: ["clipboard-read", "clipboard-write"],
      });
      const page = await context.newPage();
      await page.goto(`${stack.url}${paths["watch, ready"]}`);
      const stops = await tabThrough(page, (stop) => stop.text === "Copy link");
      expect(stops.at(-1)).toMatchObject({ text: "Copy link" });
      // The player's own controls draw their focus inside the browser's shadow DOM, where styles cannot be read.
      expect(stops.filter((stop) => !stop.ringVisible && stop.text !== "VIDEO")).toEqual([]);
      await page.keyboard.press("Enter");
      await page.getByRole("status").filter({ hasText: "Link copied" }).waitFor();
      await context.close();
    });

    it("and the gallery too", async () => {
      const page = await browser.newPage({ viewport: DESKTOP });
      await page.goto(`${stack.url}/`);
      const stops = await tabThrough(page, (stop) => stop.text.includes("Seeded 16:9"));
      expect(stops.filter((stop) => !stop.ringVisible)).toEqual([]);
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/videos\//);
      await page.close();
    });
  });
});

type Stop = { text: string; ringVisible: boolean };

/** Presses Tab until `isLast` holds for the focused element (at most 30 times), noting each stop. */
async function tabThrough(page: Page, isLast: (stop: Stop) => boolean): Promise<Stop[]> {
  const stops: Stop[] = [];
  while (stops.length < 30 && !(stops.length > 0 && isLast(stops.at(-1)!))) {
    await page.keyboard.press("Tab");
    stops.push(
      await page.evaluate(() => {
        const element = document.activeElement!;
        const style = getComputedStyle(element);
        const ringVisible = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1;
        return { text: (element.textContent ?? "").trim() || element.tagName, ringVisible };
      }),
    );
  }
  return stops;
}
