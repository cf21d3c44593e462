import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";
import { PHONE } from "./viewer-stack";

const appUrl = inject("appUrl");
const DATABASE_URL = inject("e2eDatabaseUrl");
/** The database is shared with the other browser tests: a presenter of our own, removed with its scripts after. */
const PRESENTER = `Plan E2E ${randomBytes(4).toString("hex")}`;
const MONTH = "2031-05";

let browser: Browser;
let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  await db.query(
    `INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, tags, "updatedAt") VALUES ($1, $2, 'look_1', '16:9', '1080p', '{}', now())`,
    [`plan-e2e-${randomBytes(4).toString("hex")}`, PRESENTER],
  );
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await db.query(`DELETE FROM "PlanScript" WHERE "presenterId" IN (SELECT id FROM "Presenter" WHERE name = $1)`, [
    PRESENTER,
  ]);
  await db.query(`DELETE FROM "Presenter" WHERE name = $1`, [PRESENTER]);
  await db.end();
});

const csv = (thirdTarget: string) =>
  [
    "date,title,script,presenter_or_tag",
    `${MONTH}-03,Monday hello,"Hello, everyone.\nHave a good week.",${PRESENTER.toLowerCase()}`,
    `${MONTH}-04,Tuesday tip,A quick tip.,${PRESENTER}`,
    `${MONTH}-05,Wednesday news,The news.,${thirdTarget}`,
  ].join("\n");

describe("Plan import, on a phone", () => {
  it("previews a CSV with a bad row, shows its line, saves once fixed, and the month lists the scripts", async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${appUrl}/login`);
    await page.fill("input[name=password]", inject("adminPassword"));
    await page.click("button[type=submit]");
    await page.waitForURL(`${appUrl}/admin`);
    await page.getByRole("link", { name: "Plan" }).click();
    await page.waitForURL(`${appUrl}/admin/plan`);
    await page.goto(`${appUrl}/admin/plan?month=${MONTH}`);
    await page.getByText("No scripts for this month yet").waitFor();

    const scripts = page.getByLabel("Scripts", { exact: true });
    await scripts.fill(csv("Nobody"));
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("status").filter({ hasText: "3 rows: 2 valid, 1 with errors" }).waitFor();
    // The quoted script spans lines 2–3, so the bad row starts on line 5.
    const badRow = page.getByRole("row").filter({ hasText: "Wednesday news" });
    await badRow.getByText("Line 5: presenter_or_tag no presenter is named “Nobody”").waitFor();
    expect(await page.getByRole("row").filter({ hasText: "Tuesday tip" }).getByRole("rowheader").textContent()).toBe(
      "4",
    );

    await scripts.fill(csv(PRESENTER));
    expect(await page.getByRole("table").count()).toBe(0); // an edit makes the preview stale
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("status").filter({ hasText: "3 rows: 3 valid, 0 with errors" }).waitFor();
    await page.getByRole("button", { name: "Save 3 scripts" }).click();
    await page.getByRole("status").filter({ hasText: "Saved 3 scripts." }).waitFor();

    const month = page.getByRole("region", { name: "Scripts in May 2031" });
    for (const title of ["Monday hello", "Tuesday tip", "Wednesday news"]) await month.getByText(title).waitFor();
    expect(await month.getByText(PRESENTER).count()).toBe(3);
    await page.reload();
    await month.getByText("Wednesday news").waitFor();
  });
});
