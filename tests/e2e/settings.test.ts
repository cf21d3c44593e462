import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import { startFakeHeygenServer, type FakeHeygenServer } from "../../src/mocks/heygen/http-server";
import { startApp, type RunningApp } from "./app";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { createDatabase, PHONE, screenshot } from "./viewer-stack";

const PASSWORD = "settings-e2e-password";
/** The only key the fake HeyGen accepts. */
const HEYGEN_KEY = "settings-e2e-heygen-key-7f3a";

let heygen: FakeHeygenServer;
let app: RunningApp;
let browser: Browser;
/** Its own database: the webhook panel reads what arrived, and the other browser tests' events must not show here. */
let DATABASE_URL: string;
beforeAll(async () => {
  DATABASE_URL = await createDatabase();
  heygen = await startFakeHeygenServer({ apiKey: HEYGEN_KEY, renderMs: 60_000, deliverWebhooks: false });
  // A deployment with no HeyGen key and no webhook secret anywhere: only an ENCRYPTION_KEY to save them with.
  app = await startApp({
    DATABASE_URL,
    HEYGEN_API_URL: heygen.url,
    ADMIN_PASSWORD: PASSWORD,
    SESSION_SECRET: "settings-e2e-session-secret-of-32-chars",
    ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await app?.stop();
  await heygen?.close();
  await browser?.close();
  // Leave no saved key behind.
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  await db.query(`DELETE FROM "AppSetting"`);
  await db.end();
});

async function logIn(page: Page, url: string, password: string) {
  await page.goto(`${url}/login`);
  await page.fill("input[name=password]", password);
  await page.click("button[type=submit]");
  await page.waitForURL(`${url}/admin`);
  await page.goto(`${url}/admin/settings`);
}

describe("Settings page, on a phone, by keyboard", () => {
  it("without a key: the app runs; a refused key keeps what was typed; the accepted one shows masked and is used", async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await logIn(page, app.url, PASSWORD);
    const apiKey = page.getByRole("region", { name: "HeyGen API key" });
    await apiKey.getByText("Not set: generating videos is off until a key is added.").waitFor();
    // APP_URL is http://127.0.0.1:… and HeyGen the fake on this machine (issue 16): http is fine, nothing arrived yet,
    // and registering is offered, since no secret is configured.
    const webhook = page.getByRole("region", { name: "Webhook" });
    await webhook.getByText(/^No signed event has arrived in the last 30 days/).waitFor();
    await webhook.getByText(/It is http, which is fine here/).waitFor();
    await webhook.getByText(/^No signing secret is configured/).waitFor();
    expect(await webhook.getByRole("button", { name: "Register the webhook" }).count()).toBe(1);

    // One field: labelled "API key", then "Replace it with a new key" once one is saved.
    const input = page.locator("input#api-key");
    expect(await page.getByLabel("API key", { exact: true }).count()).toBe(1);
    await input.focus();
    await page.keyboard.type("hg_not_the_right_key");
    await page.keyboard.press("Enter");
    await page.getByRole("alert").filter({ hasText: "HeyGen refused this key" }).waitFor();
    expect(await input.inputValue()).toBe("hg_not_the_right_key");
    expect(await input.getAttribute("aria-invalid")).toBe("true");

    await input.fill(HEYGEN_KEY);
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "HeyGen accepted the key and it is saved" }).waitFor();
    await apiKey.getByText("••••••••7f3a").waitFor();
    expect(await input.inputValue()).toBe("");
    expect(await page.content()).not.toContain(HEYGEN_KEY);

    await page.reload();
    await apiKey.getByText(/Saved here on/).waitFor();
    expect(await page.content()).not.toContain(HEYGEN_KEY);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "settings-phone");

    // Tab from the key field to the Remove button: a visible focus ring on each.
    expect(await page.getByLabel("Replace it with a new key", { exact: true }).count()).toBe(1);
    await input.focus();
    const rings: boolean[] = [];
    while (rings.length < 2) {
      await page.keyboard.press("Tab");
      rings.push(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle !== "none"));
    }
    expect(rings).toEqual([true, true]);
    expect(await page.evaluate(() => document.activeElement!.textContent)).toBe("Remove the saved key");

    // The saved key is the one HeyGen gets: a video can be generated at once, without a restart.
    const generated = await page.evaluate(async (avatarId) => {
      const response = await fetch("/api/videos", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: "Settings key", script: "Hello", avatarId, aspectRatio: "16:9" }),
      });
      return response.status;
    }, fakeLooks[0]!.id);
    expect(generated).toBe(201);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "The saved key is removed." }).waitFor();
    await apiKey.getByText("Not set: generating videos is off until a key is added.").waitFor();
    await page.close();
  }, 120_000);

  it("with the key and secret in the environment: shown masked as coming from there, with nothing to edit", async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await logIn(page, inject("appUrl"), inject("adminPassword"));
    const apiKey = page.getByRole("region", { name: "HeyGen API key" });
    await apiKey.getByText("From the environment (HEYGEN_API_KEY): change it there.").waitFor();
    expect(await apiKey.getByTestId("masked-value").textContent()).toBe(`••••••••${inject("heygenApiKey").slice(-4)}`);
    await page
      .getByRole("region", { name: "Webhook" })
      .getByText("From the environment (HEYGEN_SECRET): change it there.")
      .waitFor();
    expect(await page.locator("input[name=apiKey]").count()).toBe(0);
    expect(
      await page
        .getByRole("button")
        .filter({ hasText: /Register|Remove|save/ })
        .count(),
    ).toBe(0);
    expect(await page.content()).not.toContain(inject("heygenApiKey"));
    expect(await page.getByText(/Saving is disabled/).count()).toBe(0); // nothing could be saved here anyway
    await screenshot(page, "settings-environment-phone");
    await page.close();
  });
});
