import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";

const appUrl = inject("appUrl");
const renderMs = inject("renderMs");

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function logIn(page: Page) {
  await page.goto(`${appUrl}/admin`);
  expect(new URL(page.url()).pathname).toBe("/login"); // no session yet
  await page.fill("input[name=password]", inject("adminPassword"));
  await page.click("button[type=submit]");
  await page.waitForURL(`${appUrl}/admin`);
}

async function generate(page: Page, title: string, script: string) {
  await page.fill("input[name=title]", title);
  await page.fill("textarea[name=script]", script);
  await page.click("button:has-text('Generate')");
  await page.click("text=Watch it");
  await page.waitForURL(/\/videos\/[^/]+$/);
}

describe("generate → HeyGen → signed webhook → watch, in Chromium against the production build", () => {
  it("an admin generates a video and it plays on its page without a reload", async () => {
    const page = await browser.newPage();
    await logIn(page);
    await page.check("input[name=format][value=portrait]");
    await generate(page, "E2E welcome", "Hello from the end-to-end test.");

    await page.getByTestId("video-generating").waitFor();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const video = page.getByTestId("video-ready");
    await video.waitFor({ timeout: renderMs + 15_000 });
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);

    const playback = await video.evaluate(async (element: HTMLVideoElement) => {
      element.muted = true;
      await element.play();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return { currentTime: element.currentTime, duration: element.duration, poster: element.poster };
    });
    expect(playback.currentTime).toBeGreaterThan(0.2);
    expect(playback.duration).toBeCloseTo(5, 0);
    expect(playback.poster).toMatch(/\.jpg\?/);

    await page.goto(appUrl);
    await page.getByText("E2E welcome").waitFor();
    await page.close();
  });

  it("a failed render shows HeyGen's reason on the watch page", async () => {
    const page = await browser.newPage();
    await logIn(page);
    await generate(page, "E2E failure", "This one fails [fail] on purpose.");
    const failed = page.getByTestId("video-failed");
    await failed.waitFor({ timeout: renderMs + 15_000 });
    expect(await failed.textContent()).toContain("Video rendering failed");
    await page.close();
  });

  it("refuses admin actions without a session", async () => {
    const response = await fetch(`${appUrl}/api/videos`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "x", script: "x", avatarId: "a", voiceId: "v", width: 1920, height: 1080 }),
    });
    expect(response.status).toBe(401);
  });
});
