import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser";
import { readFile } from "node:fs/promises";
import { seriousViolations } from "./axe";
import { DESKTOP, PHONE } from "./viewer-stack";

const appUrl = inject("appUrl");
const DATABASE_URL = inject("e2eDatabaseUrl");
/**
 * The database is shared with the other browser tests: a presenter of our own (carrying a tag, so that the template
 * always has a tag to name), removed with its scripts after.
 */
const PRESENTER = `Plan E2E ${randomBytes(4).toString("hex")}`;
const MONTH = "2031-05";
/** The template's month: its rows name whichever presenter and tag the shared database has; removed after. */
const TEMPLATE_MONTH = "2031-06";

let browser: Browser;
let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  await db.query(
    `INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, tags, "updatedAt") VALUES ($1, $2, 'look_1', '16:9', '1080p', '{plan-e2e}', now())`,
    [`plan-e2e-${randomBytes(4).toString("hex")}`, PRESENTER],
  );
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await db.query(`DELETE FROM "PlanScript" WHERE "presenterId" IN (SELECT id FROM "Presenter" WHERE name = $1)`, [
    PRESENTER,
  ]);
  await db.query(`DELETE FROM "PlanScript" WHERE date >= $1 AND date < $2`, [`${TEMPLATE_MONTH}-01`, "2031-07-01"]);
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
    // On a phone the tabs are behind the menu (issue 16).
    const nav = page.getByRole("navigation", { name: "Admin" });
    await nav.getByRole("button", { name: /^Menu/ }).click();
    await nav.getByRole("link", { name: "Plan" }).click();
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
    // Rows with errors are a problem to fix, announced as one (not a success's green).
    await page.getByRole("alert").filter({ hasText: "Fix the rows with errors" }).waitFor();
    expect(await page.getByRole("row").filter({ hasText: "Tuesday tip" }).getByRole("rowheader").textContent()).toBe(
      "4",
    );

    await scripts.fill(csv(PRESENTER));
    expect(await page.getByRole("table").count()).toBe(0); // an edit makes the preview stale
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("status").filter({ hasText: "3 rows: 3 valid, 0 with errors" }).waitFor();
    await page.getByTestId("import-estimate").getByText("The valid rows make 3 videos once generated").waitFor();
    await page.getByRole("button", { name: "Save 3 scripts" }).click();
    await page.getByRole("status").filter({ hasText: "Saved 3 scripts" }).waitFor();
    // The message is where the eye is: focused, beside the buttons.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("import-outcome");
    // Issue 16 bug 2: the panel counts what the import added, without a reload.
    const generate = page.getByRole("region", { name: "Generate what is missing" });
    await generate.getByRole("button", { name: "Generate 3 videos" }).waitFor({ timeout: 10_000 });
    expect(await generate.getByRole("button", { name: "Generate 3 videos" }).isEnabled()).toBe(true);

    const month = page.getByRole("region", { name: "Scripts in May 2031" });
    for (const title of ["Monday hello", "Tuesday tip", "Wednesday news"]) await month.getByText(title).waitFor();
    expect(await month.getByText(PRESENTER).count()).toBe(3);
    await page.reload();
    await month.getByText("Wednesday news").waitFor();
  });
});

describe("Plan import, from the template (desktop)", () => {
  it("downloads a template that previews as valid, says what it will make and cost, and saves", async () => {
    const page = await browser.newPage({ viewport: DESKTOP, acceptDownloads: true });
    await page.goto(`${appUrl}/login`);
    await page.fill("input[name=password]", inject("adminPassword"));
    await page.click("button[type=submit]");
    await page.waitForURL(`${appUrl}/admin`);
    await page.goto(`${appUrl}/admin/plan?month=${TEMPLATE_MONTH}`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download a CSV template" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`plan-template-${TEMPLATE_MONTH}.csv`);
    const template = await readFile((await download.path())!, "utf8");
    expect(template.split("\r\n")[0]).toBe("date,title,script,presenter_or_tag");

    await page.getByLabel("Scripts", { exact: true }).fill(template);
    await page.getByRole("button", { name: "Preview" }).click();
    const counted = page.getByRole("status").filter({ hasText: /^2 rows: / });
    await counted.waitFor();
    expect(await counted.textContent(), template).toBe("2 rows: 2 valid, 0 with errors");
    const estimate = await page.getByTestId("import-estimate").textContent();
    expect(estimate).toMatch(/^The valid rows make \d+ videos? once generated, .+ of speech, ≈ \$\d/);
    // The tag's row says who it expands to.
    const tagRow = page.getByRole("row").filter({ hasText: "Morning news" });
    expect(await tagRow.getByRole("cell").nth(3).textContent()).toMatch(/^\d+ videos?: /);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Save 2 scripts" }).click();
    await page.getByRole("status").filter({ hasText: "Saved 2 scripts" }).waitFor();
    await page.getByRole("region", { name: "Scripts in June 2031" }).getByText("Welcome to the month").waitFor();
    await page.close();
  });
});
