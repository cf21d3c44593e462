import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { planDrafts } from "./review-drafts";
import { DESKTOP, PHONE, screenshot } from "./viewer-stack";

/** The database is shared with the other browser tests: a presenter and scripts of our own, in a month nobody uses. */
const RUN = randomBytes(3).toString("hex");
const MONTH = "2033-03";
const PRESENTER = `review-${RUN}`;
const DAYS = 7;
/** Two digits, so that no title is a part of another. */
const titleOf = (day: number) => `Review ${RUN} day ${String(day).padStart(2, "0")}`;
/** The plan moment of a day of MONTH: the default publish time, 09:00 in PUBLISH_TIMEZONE (UTC here). */
const momentOf = (day: number) => `${MONTH}-${String(day).padStart(2, "0")}T09:00:00.000Z`;

const appUrl = inject("appUrl");
let browser: Browser;
let db: pg.Client;
let videos: Map<string, string>;
const idOf = (day: number) => videos.get(titleOf(day))!;

beforeAll(async () => {
  db = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await db.connect();
  await db.query(
    `INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, tags, "updatedAt") VALUES ($1, $1, $2, '16:9', '720p', '{}', now())`,
    [PRESENTER, fakeLooks[0]!.id],
  );
  for (let day = 1; day <= DAYS; day++) {
    await db.query(
      `INSERT INTO "PlanScript" (id, date, title, script, "presenterId", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
      [`${PRESENTER}-${day}`, momentOf(day).slice(0, 10), titleOf(day), `Good morning, day ${day}.`, PRESENTER],
    );
  }
  browser = await launchChromium();
  videos = await planDrafts(browser, db, { month: MONTH, presenterId: PRESENTER });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await db?.query(`DELETE FROM "Batch" WHERE id IN (SELECT "batchId" FROM "BatchItem" WHERE "presenterId" = $1)`, [
    PRESENTER,
  ]);
  await db?.query(`DELETE FROM "Video" WHERE "presenterId" = $1`, [PRESENTER]);
  await db?.query(`DELETE FROM "PlanScript" WHERE "presenterId" = $1`, [PRESENTER]);
  await db?.query(`DELETE FROM "Presenter" WHERE id = $1`, [PRESENTER]);
  await db?.end();
});

async function openReview(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${appUrl}/login`);
  await page.fill("input[name=password]", inject("adminPassword"));
  await page.click("button[type=submit]");
  await page.waitForURL(`${appUrl}/admin`);
  await page.goto(`${appUrl}/admin/review`);
  await page.getByRole("button", { name: /^Approve selected/ }).waitFor();
  return page;
}

const itemOf = (page: Page, day: number): Locator =>
  page.getByTestId("review-item").filter({ has: page.getByRole("heading", { name: titleOf(day), exact: true }) });
const ourTitles = async (page: Page) =>
  (await page.getByTestId("review-item").locator("h2").allTextContents()).filter((title) => title.includes(RUN));
const row = async (day: number) =>
  (
    await db.query<{ visibility: string; publishAt: Date | null; rejectionReason: string | null }>(
      `SELECT visibility::text, "publishAt", "rejectionReason" FROM "Video" WHERE id = $1`,
      [idOf(day)],
    )
  ).rows[0]!;
/** The title of the draft holding focus (the item itself, or a control inside it). */
const focusedTitle = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest("[data-testid=review-item]")?.querySelector("h2")?.textContent);

describe("The review queue, on a desktop", () => {
  it("shows the batch's drafts oldest first, plays one, approves one, rejects one with a reason, approves two at once", async () => {
    const page = await openReview(DESKTOP);
    expect((await ourTitles(page)).slice(0, 4)).toEqual([1, 2, 3, 4].map(titleOf));
    const first = itemOf(page, 1);
    expect(await first.textContent()).toContain("Good morning, day 1.");
    expect(await first.getByText("Publishes").locator("time").getAttribute("datetime")).toBe(momentOf(1));
    expect(
      await page
        .getByRole("navigation", { name: "Admin" })
        .getByRole("link", { name: /^Review/ })
        .textContent(),
    ).toMatch(/Review\d+ awaiting/);
    // Side by side: the player's left edge and the script's are apart.
    const [player, script] = await Promise.all([
      first.locator("video").boundingBox(),
      first.getByText("Script").boundingBox(),
    ]);
    expect(script!.x).toBeGreaterThan(player!.x + player!.width - 1);

    const playback = await first.locator("video").evaluate(async (element: HTMLVideoElement) => {
      element.muted = true;
      await element.play();
      for (const deadline = Date.now() + 5_000; element.currentTime <= 0.2 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      element.pause();
      return element.currentTime;
    });
    expect(playback).toBeGreaterThan(0.2);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "review-queue-desktop");

    await first.getByRole("button", { name: `Approve “${titleOf(1)}”` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Approved “${titleOf(1)}”` })
      .waitFor();
    await first.waitFor({ state: "detached" });
    expect(await focusedTitle(page)).toBe(titleOf(2));

    await itemOf(page, 2)
      .getByRole("button", { name: `Reject… “${titleOf(2)}”` })
      .click();
    const dialog = page.getByRole("dialog", { name: `Reject “${titleOf(2)}”?` });
    await dialog.getByLabel("Reason").fill("The logo is wrong.");
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Reject" }).click();
    await dialog.waitFor({ state: "hidden" });
    await itemOf(page, 2).waitFor({ state: "detached" });
    expect(await focusedTitle(page)).toBe(titleOf(3));

    await itemOf(page, 3)
      .getByRole("checkbox", { name: titleOf(3) })
      .check();
    await itemOf(page, 4)
      .getByRole("checkbox", { name: titleOf(4) })
      .check();
    await page.getByRole("button", { name: "Approve selected (2)" }).click();
    await page.getByRole("status").filter({ hasText: "Approved 2 drafts." }).waitFor();
    await itemOf(page, 4).waitFor({ state: "detached" });
    expect((await ourTitles(page)).slice(0, 1)).toEqual([titleOf(5)]);

    expect(await row(1)).toMatchObject({ visibility: "PUBLIC", publishAt: new Date(momentOf(1)) });
    expect(await row(2)).toMatchObject({ visibility: "PRIVATE", rejectionReason: "The logo is wrong." });
    expect(await row(3)).toMatchObject({ visibility: "PUBLIC", publishAt: new Date(momentOf(3)) });
    expect(await row(4)).toMatchObject({ visibility: "PUBLIC", publishAt: new Date(momentOf(4)) });

    // The rejected video's own page, for the admin: the reason, and the way to its script.
    await page.goto(`${appUrl}/videos/${idOf(2)}`);
    const band = page.getByTestId("visibility-band");
    expect(await band.textContent()).toContain("Rejected: The logo is wrong.");
    expect(await band.getByRole("link", { name: /Edit its script in the plan/ }).getAttribute("href")).toBe(
      `/admin/plan?month=${MONTH}#month-scripts`,
    );
    await page.close();
  });
});

describe("The review queue, on a phone, by keyboard alone", () => {
  it("reaches a draft by Tab, approves it, moves with j, rejects with r, approves with a", async () => {
    const page = await openReview(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    // Stacked: the script under the player.
    const five = itemOf(page, 5);
    const [player, script] = await Promise.all([
      five.locator("video").boundingBox(),
      five.getByText("Script").boundingBox(),
    ]);
    expect(script!.y).toBeGreaterThan(player!.y + player!.height - 1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "review-queue-phone");

    const approveFive = `Approve “${titleOf(5)}”`;
    for (let tabs = 0; tabs < 300; tabs++) {
      await page.keyboard.press("Tab");
      const name = await page.evaluate(() => document.activeElement?.textContent);
      if (name === approveFive) break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(approveFive);
    await page.keyboard.press("Enter");
    await five.waitFor({ state: "detached" });
    expect(await focusedTitle(page)).toBe(titleOf(6));

    await page.keyboard.press("r");
    const dialog = page.getByRole("dialog", { name: `Reject “${titleOf(6)}”?` });
    await dialog.waitFor();
    await page.keyboard.type("Too long; cut the intro."); // "a" and "r" typed here are text, not shortcuts
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await itemOf(page, 6).waitFor({ state: "detached" });
    expect(await focusedTitle(page)).toBe(titleOf(7));

    await page.keyboard.press("a");
    await itemOf(page, 7).waitFor({ state: "detached" });
    expect(await row(5)).toMatchObject({ visibility: "PUBLIC", publishAt: new Date(momentOf(5)) });
    expect(await row(6)).toMatchObject({ visibility: "PRIVATE", rejectionReason: "Too long; cut the intro." });
    expect(await row(7)).toMatchObject({ visibility: "PUBLIC", publishAt: new Date(momentOf(7)) });
    await page.close();
  });
});
