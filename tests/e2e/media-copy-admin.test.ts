import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { DESKTOP, PHONE, screenshot, startViewerStack, thumbnailOf, type ViewerStack } from "./viewer-stack";

const REASON = "HeyGen's CDN answered 404 five times";

let stack: ViewerStack;
let browser: Browser;
let gaveUp: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startViewerStack(), launchChromium()]);
  gaveUp = await stack.insertVideo({ title: "Copy gave up", thumbnailUrl: thumbnailOf("16:9", 300), duration: 20 });
  // What the copy job writes when it gives up (issue 17).
  await stack.db.query(
    `UPDATE "Video" SET "mediaCopyAttempts" = 5, "mediaCopyError" = $2, "mediaCopyFailedAt" = now() WHERE id = $1`,
    [gaveUp, REASON],
  );
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("admins find a copy that failed and its Retry", () => {
  for (const [name, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    it(`from the overview to the video's page, at ${name} size`, async () => {
      const context = await browser.newContext({ viewport });
      await stack.logIn(context);
      const page = await context.newPage();
      await page.goto(`${stack.url}/admin/overview`);
      const media = page.getByTestId("overview-media");
      await expect.poll(() => media.textContent()).toContain("Failed copies1 video");
      await media.getByRole("link", { name: "see them and retry" }).click();
      await page.waitForURL(/\/admin\/videos\?copy=failed$/);

      const row = page.locator(`li[data-video-id="${gaveUp}"]`);
      await expect.poll(() => row.textContent()).toContain("Copy failed");
      await row.getByRole("link", { name: "Copy gave up", exact: true }).click();
      await page.waitForURL(`${stack.url}/videos/${gaveUp}`);

      const copy = page.getByTestId("media-copy");
      await expect.poll(() => copy.textContent()).toContain(`Stored: failed — ${REASON}`);
      expect(await copy.getByRole("button", { name: "Retry copying “Copy gave up”" }).isEnabled()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await copy.scrollIntoViewIfNeeded();
      await screenshot(page, `media-copy-failed-${name}`);
      await context.close();
    });
  }
});
