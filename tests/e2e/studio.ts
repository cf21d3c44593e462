import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";

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
