import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { DESKTOP, PHONE, screenshot } from "./viewer-stack";

// Issue 16, the site's own faults: a deep link through the login, the 404 with the header, the phone menu and the
// demo banner, at desktop and phone sizes. The browser tests' app talks to the fake HeyGen on 127.0.0.1, so it is a
// demo and says so.
const appUrl = inject("appUrl");
const SIZES = { desktop: DESKTOP, phone: PHONE } as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function logIn(page: Page) {
  await page.fill("input[name=password]", inject("adminPassword"));
  await page.click("button[type=submit]:not([disabled])"); // enabled once hydrated
}

const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe.each(Object.entries(SIZES))("the site at %s size", (size, viewport) => {
  it("a deep link to an admin page goes through the login and lands on that page, not the Studio", async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${appUrl}/admin/plan?month=2026-12`);
    await page.waitForURL(`${appUrl}/login?next=%2Fadmin%2Fplan%3Fmonth%3D2026-12`);
    await logIn(page);
    await page.waitForURL(`${appUrl}/admin/plan?month=2026-12`);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await context.close();
  });

  it("a login asked to go to another site goes to the Studio", async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${appUrl}/login?next=${encodeURIComponent("//evil.example/admin")}`);
    await logIn(page);
    await page.waitForURL(`${appUrl}/admin`);
    await context.close();
  });

  it("a 404 keeps the site's header (and an unknown admin page the admin tabs), with the demo banner, axe clean", async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const response = await page.goto(`${appUrl}/no-such-page`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.getByRole("banner").getByRole("link", { name: "Avatar Studio" }).waitFor();
    expect(await page.getByTestId("demo-banner").textContent()).toBe("Demo mode: no real videos are made.");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await overflows(page)).toBe(false);
    await screenshot(page, `not-found-${size}`);

    await page.goto(`${appUrl}/admin/no-such-tab`);
    await page.waitForURL(`${appUrl}/login?next=%2Fadmin%2Fno-such-tab`);
    await logIn(page);
    await page.waitForURL(`${appUrl}/admin/no-such-tab`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.getByRole("navigation", { name: "Admin" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("the admin tabs", () => {
  it("on a phone: folded into a menu, opened and used by keyboard, closed by Escape and by going on", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${appUrl}/login`);
    await logIn(page);
    await page.waitForURL(`${appUrl}/admin`);
    const nav = page.getByRole("navigation", { name: "Admin" });
    const menu = nav.getByRole("button", { name: "Menu: Studio" });
    const plan = nav.getByRole("link", { name: "Plan" });
    expect(await plan.isVisible()).toBe(false);
    expect(await menu.getAttribute("aria-expanded")).toBe("false");

    await menu.focus();
    await page.keyboard.press("Enter");
    await plan.waitFor({ state: "visible" });
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await overflows(page)).toBe(false);
    await screenshot(page, "admin-menu-phone");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Escape");
    await plan.waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-controls"))).toBe("admin-menu");

    await page.keyboard.press("Enter");
    await plan.click();
    await page.waitForURL(`${appUrl}/admin/plan`);
    await nav.getByRole("button", { name: "Menu: Plan" }).waitFor();
    expect(await nav.getByRole("link", { name: "Videos" }).isVisible()).toBe(false);
    await context.close();
  });

  it("on a desktop: every tab in view, no menu button", async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${appUrl}/login`);
    await logIn(page);
    await page.waitForURL(`${appUrl}/admin`);
    const nav = page.getByRole("navigation", { name: "Admin" });
    for (const tab of [
      "Studio",
      "Videos",
      "Presenters",
      "Plan",
      "Batches",
      "Review",
      "Pending",
      "Overview",
      "Settings",
    ]) {
      expect(await nav.getByRole("link", { name: tab }).isVisible()).toBe(true);
    }
    expect(await nav.getByRole("button", { name: /^Menu/ }).isVisible()).toBe(false);
    await context.close();
  });
});
