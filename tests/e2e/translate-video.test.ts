import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { DESKTOP, PHONE, screenshot, startViewerStack, type ViewerStack } from "./viewer-stack";

const LANGUAGES = ["Spanish (Spain)", "French (France)", "German (Germany)"];

let stack: ViewerStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startViewerStack(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("an admin translates a finished video from its page (issue 19)", () => {
  for (const [name, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    it(`into three languages, seeing the cost first and each one become Ready, at ${name} size`, async () => {
      const id = await stack.createVideo({ title: `Quarterly update (${name})` });
      const made = await stack.waitUntilFinished(id);
      expect(made.status).toBe("COMPLETED");

      const context = await browser.newContext({ viewport });
      await stack.logIn(context);
      const page = await context.newPage();
      await page.goto(`${stack.url}/videos/${id}`);
      const section = page.getByTestId("translations");
      const picker = section.getByRole("combobox", { name: "Languages" });
      for (const language of LANGUAGES) {
        await picker.fill(language);
        // HeyGen's list has come (through the app's cache) and the typed name is the first match.
        await section.getByRole("option", { name: new RegExp(`^${escape(language)}`) }).waitFor();
        await picker.press("Enter");
      }
      const chosen = section.getByRole("list", { name: "Languages: chosen" });
      expect(await chosen.getByRole("listitem").allTextContents()).toEqual(LANGUAGES.map((language) => `${language}×`));

      // The cost before anything is sent: the video's length × $0.05 a second (speed) × 3 languages.
      const cost = await section.getByTestId("translation-cost").textContent();
      expect(cost).toMatch(/^3 languages × \d+:\d\d at \$0\.05 a second \(speed\): ≈ \$[\d.]+\.$/);
      const price = cost!.match(/≈ (\$[\d.]+)\.$/)![1]!;
      await section.getByRole("button", { name: `Translate (≈ ${price})` }).click();
      const dialog = page.getByRole("dialog", { name: `Translate “${made.title}”?` });
      expect(await dialog.getByTestId("translate-cost").textContent()).toBe(cost);
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole("button", { name: `Translate (≈ ${price})` }).click();
      await dialog.waitFor({ state: "detached" });

      await expect
        .poll(() => section.getByRole("status").textContent())
        .toBe("Translating into Spanish (Spain), French (France), and German (Germany).");
      const variants = section.getByRole("list", { name: "Its translations" });
      await expect.poll(() => variants.locator("li[data-variant-language]").count()).toBe(3);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `translate-video-asked-${name}`);

      // The fake renders each in seconds and posts its webhook: the list follows without a reload.
      for (const language of LANGUAGES) {
        const row = variants.locator(`li[data-variant-language="${language}"]`);
        await expect.poll(() => row.locator("[data-status]").textContent(), { timeout: 45_000 }).toBe("Ready");
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `translate-video-ready-${name}`);

      // A translation's own page says what it is and links back; it is not translated or regenerated itself.
      await variants.getByRole("link", { name: "Spanish (Spain)" }).click();
      await page.waitForURL((url) => url.pathname.startsWith("/videos/") && !url.pathname.endsWith(id));
      const translationOf = page.getByTestId("translation-of");
      await expect.poll(() => translationOf.textContent()).toBe(`Spanish (Spain) translation of ${made.title}`);
      expect(await page.getByRole("button", { name: /^Regenerate/ }).count()).toBe(0);
      expect(await page.getByTestId("translations").count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await context.close();
    });
  }
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
