import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";
import { startDevServer, type DevServer } from "./dev-server";
import { SESSION_SECRET } from "./global-setup";
import { createDatabase } from "./viewer-stack";

/**
 * The dialogs under `next dev`, where React runs every effect twice (show, close, show) and the browser's queued
 * close event once shut each dialog within ~30 ms (issue 16, bug 1). The production build never double-runs effects,
 * so only this file would catch it again. Costs one `next dev` start and the first compile of the
 * routes it opens (the login route, /admin/videos, /admin/plan, a video's page and its translation routes).
 */
const MONTH = "2035-06";
let dev: DevServer;
let browser: Browser;
let db: pg.Client;
let cookie: string;

beforeAll(async () => {
  const databaseUrl = await createDatabase();
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(
    `INSERT INTO "Video" (id, title, script, "avatarId", "aspectRatio", resolution, status, duration, "heygenVideoId",
       "heygenCheckedAt", "createdAt", "updatedAt", "completedAt", "detailsAt")
     VALUES ('devdialogvideo1000000', 'Dev mode promo', 'Hello.', 'look_1', '16:9', '1080p', 'COMPLETED', 12, 'seeded-dev-1',
       now(), now(), now(), now(), now())`,
  );
  await db.query(
    `INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, tags, "updatedAt")
     VALUES ('dev-anna', 'Dev Anna', 'look_1', '16:9', '1080p', '{}', now())`,
  );
  await db.query(
    `INSERT INTO "PlanScript" (id, date, title, script, "presenterId", "updatedAt")
     VALUES ('dev-script-1', '${MONTH}-03', 'Tuesday tip', 'A quick tip.', 'dev-anna', now())`,
  );
  [dev, browser] = await Promise.all([
    startDevServer({
      DATABASE_URL: databaseUrl,
      HEYGEN_API_URL: inject("heygenUrl"),
      HEYGEN_API_KEY: inject("heygenApiKey"),
      ADMIN_PASSWORD: inject("adminPassword"),
      SESSION_SECRET,
      // The queue is the production app's to work; this server only serves pages.
      QUEUE_WORKER: "off",
    }),
    launchChromium(),
  ]);
  cookie = await logIn(dev.url);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  await db?.end();
});

async function logIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password: inject("adminPassword") }),
  });
  if (response.status !== 200) throw new Error(`login answered ${response.status}:\n${dev.output()}`);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

/** A page of the dev server, once React has hydrated `control` (a click before that would do nothing). */
async function openHydrated(path: string, control: (page: Page) => ReturnType<Page["getByRole"]>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const [name, ...value] = cookie.split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: dev.url }]);
  const page = await context.newPage();
  await page.goto(`${dev.url}${path}`, { timeout: 150_000 }); // its first request compiles the route
  await control(page).waitFor();
  await control(page).evaluate(
    (element) =>
      new Promise<void>((resolve) => {
        const hydrated = () => Object.keys(element).some((key) => key.startsWith("__reactProps"));
        const check = () => (hydrated() ? resolve() : setTimeout(check, 50));
        check();
      }),
    undefined,
    { timeout: 60_000 },
  );
  // Development's own markers: the dev overlay is there, so effects run twice here.
  expect(await page.locator("nextjs-portal").count()).toBeGreaterThan(0);
  return page;
}

const isOpen = (page: Page) => page.locator("dialog").evaluate((dialog) => (dialog as HTMLDialogElement).open);

describe("Dialogs under next dev (React's double effects)", () => {
  it("Delete on /admin/videos stays open to choose in, and Cancel closes it", async () => {
    const page = await openHydrated("/admin/videos", (page) => page.getByRole("button", { name: /^Delete/ }));
    await page.getByRole("button", { name: /^Delete/ }).click();
    const dialog = page.getByRole("dialog", { name: "Delete “Dev mode promo”?" });
    // A change React must render: long after the double effect and the close event it queued.
    await dialog.getByLabel("Also delete it at HeyGen").check({ timeout: 5_000 });
    expect(await dialog.getByLabel("Also delete it at HeyGen").isChecked()).toBe(true);
    expect(await isOpen(page)).toBe(true);

    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await db.query(`SELECT 1 FROM "Video" WHERE id = 'devdialogvideo1000000'`)).toHaveProperty("rowCount", 1);
    await page.context().close();
  }, 240_000);

  it("Edit on a plan script stays open to type in, and Cancel closes it", async () => {
    const page = await openHydrated(`/admin/plan?month=${MONTH}`, (page) =>
      page.getByRole("button", { name: "Edit “Tuesday tip”" }),
    );
    await page.getByRole("button", { name: "Edit “Tuesday tip”" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit “Tuesday tip”" });
    await dialog.getByLabel("Title").fill("Tuesday trick", { timeout: 5_000 });
    expect(await dialog.getByLabel("Title").inputValue()).toBe("Tuesday trick");
    expect(await isOpen(page)).toBe(true);

    // Cancel, not Save: saving is plan-edit.test.ts's, and would cost this file one more route's compile.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    const stored = await db.query(`SELECT title FROM "PlanScript" WHERE id = 'dev-script-1'`);
    expect(stored.rows).toEqual([{ title: "Tuesday tip" }]);
    await page.context().close();
  }, 240_000);

  it("Translate's confirmation on a finished video's page stays open to read, and Cancel closes it", async () => {
    const page = await openHydrated("/videos/devdialogvideo1000000", (page) =>
      page.getByRole("combobox", { name: "Languages" }),
    );
    const picker = page.getByRole("combobox", { name: "Languages" });
    await picker.fill("German (Germany)");
    await page.getByRole("option", { name: /^German \(Germany\)/ }).waitFor({ timeout: 60_000 });
    await picker.press("Enter");
    await page.getByRole("button", { name: /^Translate \(≈/ }).click();
    const dialog = page.getByRole("dialog", { name: "Translate “Dev mode promo”?" });
    expect(await dialog.getByTestId("translate-cost").textContent()).toBe(
      "1 language × 0:12 at $0.05 a second (speed): ≈ $0.60.",
    );
    // Focus starts on Cancel; Tab moves it to the confirm button inside the dialog: an interaction long after the
    // double effect and the close event it queued, possible only while the dialog is open.
    await page.keyboard.press("Tab");
    const confirm = dialog.getByRole("button", { name: "Translate (≈ $0.60)" });
    expect(await confirm.evaluate((button) => button === document.activeElement, undefined, { timeout: 5_000 })).toBe(
      true,
    );
    expect(await dialog.evaluate((element) => (element as HTMLDialogElement).open)).toBe(true);

    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    const variants = await db.query(`SELECT 1 FROM "Video" WHERE "sourceVideoId" = 'devdialogvideo1000000'`);
    expect(variants.rowCount).toBe(0);
    await page.context().close();
  }, 240_000);
});
