import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import type { RunningApp } from "./app";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { startOwnApp } from "./own-app";
import { DESKTOP, PHONE, screenshot } from "./viewer-stack";

const PASSWORD = inject("adminPassword");

let own: Awaited<ReturnType<typeof startOwnApp>>;
let app: RunningApp;
let browser: Browser;
const receivers: WebhookReceiver[] = [];
beforeAll(async () => {
  // Its own database and fake HeyGen, and a deployment that may deliver to this machine (the receivers) with a key to
  // keep endpoint secrets with.
  own = await startOwnApp();
  app = own.app;
  browser = await launchChromium();
});
afterAll(async () => {
  await own?.stop();
  await browser?.close();
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

async function logIn(page: Page) {
  await page.goto(`${app.url}/login`);
  await page.fill("input[name=password]", PASSWORD);
  await page.click("button[type=submit]");
  await page.waitForURL(`${app.url}/admin`);
}

/** A video made through the API with the page's session: HeyGen renders it and its signed webhook completes it. */
async function generateVideo(page: Page, title: string): Promise<string> {
  const response = await page.request.post(`${app.url}/api/videos`, {
    headers: { origin: app.url },
    data: {
      title,
      script: "Hello from the webhook test.",
      avatarId: fakeLooks[0]!.id,
      aspectRatio: "16:9",
      resolution: "720p",
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe.each([
  ["desktop", DESKTOP],
  ["phone", PHONE],
])("Outgoing webhooks in Settings, on a %s, by keyboard", (size, viewport) => {
  it("adds an endpoint, shows its secret once, and logs a completed video's delivery as delivered", async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const page = await browser.newPage({ viewport });
    await logIn(page);
    await page.goto(`${app.url}/admin/settings`);
    const section = page.getByRole("region", { name: "Outgoing webhooks" });
    await section.getByText("No endpoints yet.").or(section.getByRole("link")).first().waitFor();

    await section.getByLabel("URL").focus();
    await page.keyboard.type(receiver.url);
    await page.keyboard.press("Tab");
    await page.keyboard.type(`n8n on a ${size}`);
    await page.keyboard.press("Enter");
    const shown = section.getByRole("status").filter({ hasText: "it is not shown again" });
    await shown.waitFor();
    const secret = (await shown.locator("code").textContent())!;
    expect(secret).toMatch(/^whsec_/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `outgoing-webhooks-added-${size}`);

    // Shown once: not after a reload.
    await page.reload();
    const link = section.getByRole("link", { name: `n8n on a ${size}` });
    await link.waitFor();
    expect(await page.content()).not.toContain(secret.slice("whsec_".length));

    const videoId = await generateVideo(page, `Webhook video (${size})`);
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin\/settings\/webhooks\/[^/]+$/);
    const delivered = page.locator("tr", { hasText: "video.completed" }).filter({ hasText: "Delivered" });
    await delivered.waitFor({ timeout: 30_000 });
    await delivered.getByText(videoId).waitFor();
    await delivered.getByText("HTTP 204").waitFor();
    // The log scrolls in its own box: nothing (its screen-reader-only headers included) widens the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `outgoing-webhooks-log-${size}`);

    const completed = receiver.verified(secret).filter((message) => message.type === "video.completed");
    expect(completed.map((message) => (message.data.video as { id: string }).id)).toEqual([videoId]);
    await page.close();
  });
});
