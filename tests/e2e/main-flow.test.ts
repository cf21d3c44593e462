import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks, FAKE_MARKERS } from "../../src/mocks/heygen/fake-heygen";
import { launchChromium } from "./browser";

const appUrl = inject("appUrl");
const renderMs = inject("renderMs");
const PORTRAIT_LOOK = fakeLooks.find((look) => look.preferred_orientation === "portrait")!;

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

async function generate(page: Page, title: string, script: string, confirmation = "Watch it") {
  await page.fill("input[name=title]", title);
  await page.fill("textarea[name=script]", script);
  await page.click("button:has-text('Generate')");
  await page
    .getByRole("status")
    .filter({ hasText: confirmation === "Watch it" ? "rendering" : "did not confirm" })
    .waitFor();
  await page.click("text=Watch it");
  await page.waitForURL(/\/videos\/[^/]+$/);
}

describe("generate → HeyGen v3 → signed webhook → watch, in Chromium against the production build", () => {
  it("an admin picks a portrait look and preset, and the video plays on its page without a reload", async () => {
    const page = await browser.newPage();
    await logIn(page);
    await page.click(`label[data-look-id="${PORTRAIT_LOOK.id}"]`);
    // The look's preferred orientation pre-selects the portrait preset.
    expect(await page.isChecked('input[name=aspectRatio][value="9:16"]')).toBe(true);
    await page.selectOption("select[name=resolution]", "720p");
    await generate(page, "E2E portrait", "Hello from the end-to-end test.");

    const generating = page.getByTestId("video-generating");
    await generating.waitFor();
    const placeholder = await generating.boundingBox();
    expect(placeholder!.width / placeholder!.height).toBeCloseTo(9 / 16, 1);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const video = page.getByTestId("video-ready");
    await video.waitFor({ timeout: renderMs + 15_000 });
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);

    const box = await video.boundingBox();
    expect(box!.width / box!.height).toBeCloseTo(9 / 16, 1);
    const playback = await video.evaluate(async (element: HTMLVideoElement) => {
      element.muted = true;
      await element.play();
      // Playing moves the time on: look until it has, within a deadline.
      for (const deadline = Date.now() + 5_000; element.currentTime <= 0.2 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return { currentTime: element.currentTime, duration: element.duration };
    });
    expect(playback.currentTime).toBeGreaterThan(0.2);
    expect(playback.duration).toBeCloseTo(5, 0);

    // The admin sees HeyGen's delivery on the video's page.
    await page.reload();
    const events = page.getByTestId("video-events");
    await events.waitFor();
    expect(await events.textContent()).toMatch(/avatar_video\.success.*signed \(v3\).*applied/);

    await page.goto(appUrl);
    await page.getByText("E2E portrait").waitFor();
    await page.close();
  });

  it("five submissions in a row (one Idempotency-Key) make one video and one HeyGen job", async () => {
    const page = await browser.newPage();
    await logIn(page);
    await page.fill("input[name=title]", "E2E five clicks");
    await page.fill("textarea[name=script]", "Clicked five times, made once.");
    await page.evaluate(() => {
      const form = document.querySelector("form")!;
      for (let i = 0; i < 5; i++) form.requestSubmit();
    });
    await page.getByRole("status").filter({ hasText: "rendering" }).waitFor();
    const list = await fetch(`${inject("heygenUrl")}/v3/videos?title=${encodeURIComponent("E2E five clicks")}`, {
      headers: { "x-api-key": inject("heygenApiKey") },
    });
    expect((await list.json()).data).toHaveLength(1);
    await page.goto(`${appUrl}/admin/videos?q=${encodeURIComponent("E2E five clicks")}`);
    await page.locator("li[data-video-id]").first().waitFor();
    expect(await page.locator("li[data-video-id]", { hasText: "E2E five clicks" }).count()).toBe(1);
    await page.close();
  });

  it("a create answered by a gateway's 502 (HeyGen made the job) still ends playing, made once", async () => {
    const page = await browser.newPage();
    await logIn(page);
    await generate(
      page,
      "E2E lost answer",
      `HeyGen accepts this, the gateway loses it ${FAKE_MARKERS.gateway502}`,
      "did not confirm",
    );
    await page.getByTestId("video-ready").waitFor({ timeout: renderMs + 15_000 });
    await page.close();

    // HeyGen's own list of videos with that title: exactly one job was made.
    const list = await fetch(`${inject("heygenUrl")}/v3/videos?title=${encodeURIComponent("E2E lost answer")}`, {
      headers: { "x-api-key": inject("heygenApiKey") },
    });
    expect((await list.json()).data).toHaveLength(1);
  });

  it("a failed render shows HeyGen's reason on the watch page", async () => {
    const page = await browser.newPage();
    await logIn(page);
    await generate(page, "E2E failure", `This one fails ${FAKE_MARKERS.fail} on purpose.`);
    const failed = page.getByTestId("video-failed");
    await failed.waitFor({ timeout: renderMs + 15_000 });
    expect(await failed.textContent()).toContain("Video rendering failed");
    await page.close();
  });

  it("refuses admin actions without a session", async () => {
    const response = await fetch(`${appUrl}/api/videos`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "x", script: "x", avatarId: "a", aspectRatio: "16:9", resolution: "1080p" }),
    });
    expect(response.status).toBe(401);
  });
});
