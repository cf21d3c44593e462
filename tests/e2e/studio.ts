import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { PHONE } from "./viewer-stack";

/** A new page logged in on the Studio (/admin), once its form is hydrated. */
export async function openStudio(opener: Browser | BrowserContext): Promise<Page> {
  const appUrl = inject("appUrl");
  const page = await opener.newPage();
  await page.goto(`${appUrl}/admin`);
  await page.fill("input[name=password]", inject("adminPassword"));
  await page.click("button[type=submit]");
  await page.waitForURL(`${appUrl}/admin`);
  await page.locator("button[type=submit]:not([disabled])").waitFor(); // hydrated
  return page;
}

/** A new phone-sized page, logged in, on the content plan's `month` (YYYY-MM). */
export async function openPlanMonth(browser: Browser, month: string): Promise<Page> {
  const appUrl = inject("appUrl");
  const page = await browser.newPage({ viewport: PHONE });
  await page.goto(`${appUrl}/login`);
  await page.fill("input[name=password]", inject("adminPassword"));
  await page.click("button[type=submit]");
  await page.waitForURL(`${appUrl}/admin`);
  await page.goto(`${appUrl}/admin/plan?month=${month}`);
  return page;
}
