import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { openStudio } from "./studio";
import { PHONE, screenshot } from "./viewer-stack";

const appUrl = inject("appUrl");
const id = () => `c${randomBytes(11).toString("hex")}`; // the app's ids are lowercase alphanumerics

let browser: Browser;
let db: pg.Client;
const seeded = { batch: id(), presenters: [id(), id()], scripts: [] as string[], videos: [] as string[] };

beforeAll(async () => {
  browser = await launchChromium();
  db = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await db.connect();
});
// The app and its database are shared by every e2e file: leave nothing of ours behind.
afterAll(async () => {
  await db?.query(`DELETE FROM "Batch" WHERE id = $1`, [seeded.batch]);
  await db?.query(`DELETE FROM "Video" WHERE id = ANY($1)`, [seeded.videos]);
  await db?.query(`DELETE FROM "PlanScript" WHERE id = ANY($1)`, [seeded.scripts]);
  await db?.query(`DELETE FROM "Presenter" WHERE id = ANY($1)`, [seeded.presenters]);
  await db?.end();
  await browser?.close();
});

/** A video row whose last news is recent, so that nothing asks the fake HeyGen about it during the test. */
async function insertVideo(title: string, status: string, ageSeconds = 30): Promise<string> {
  const videoId = id();
  seeded.videos.push(videoId);
  await db.query(
    `INSERT INTO "Video" (id, title, script, "avatarId", "aspectRatio", resolution, status, "heygenVideoId", "heygenCheckedAt", "createdAt", "updatedAt", "completedAt")
     VALUES ($1, $2, 'Seeded by the tests', 'look', '16:9', '720p', $3::"VideoStatus", $4, now(), now() - make_interval(secs => $5), now(), CASE WHEN $3::"VideoStatus" = 'COMPLETED' THEN now() END)`,
    [videoId, title, status, `seeded-${videoId}`, ageSeconds],
  );
  return videoId;
}

/** A batch of five items for two (inactive, so no other test picks them) presenters, in a month no other test plans. */
async function seedBatch() {
  const [anna, bob] = seeded.presenters;
  await db.query(
    `INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, active, "updatedAt")
     VALUES ($1, $3, 'look', '16:9', '720p', false, now()), ($2, $4, 'look', '16:9', '720p', false, now())`,
    [anna, bob, `Anna ${anna}`, `Bob ${bob}`],
  );
  await db.query(`INSERT INTO "Batch" (id, month, "requestedBy", "updatedAt") VALUES ($1, '2031-07', 'admin', now())`, [
    seeded.batch,
  ]);
  const rows: Array<[day: number, presenter: string, status: string, video: string | null, error: string | null]> = [
    [1, anna!, "SENT", await insertVideo("Monday news", "COMPLETED"), null],
    [1, bob!, "SENT", await insertVideo("Monday news", "PROCESSING"), null],
    [2, anna!, "SENT", await insertVideo("Tuesday news", "PENDING"), null],
    [2, bob!, "FAILED", null, "HeyGen refused: out of credits"],
    [3, anna!, "QUEUED", null, null],
  ];
  for (const [day, presenter, status, video, error] of rows) {
    const script = id();
    seeded.scripts.push(script);
    await db.query(
      `INSERT INTO "PlanScript" (id, date, title, script, "presenterId", "updatedAt") VALUES ($1, $2, $3, 'Hello', $4, now())`,
      [script, `2031-07-0${day}`, `Day ${day} script`, presenter],
    );
    await db.query(
      `INSERT INTO "BatchItem" (id, "batchId", "planScriptId", "presenterId", status, "videoId", error, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
      [id(), seeded.batch, script, presenter, status, video, error],
    );
  }
  return { rendering: rows[1]![3]!, submitted: rows[2]![3]! };
}

const count = (page: Page, state: string) => page.locator(`[data-count=${state}] span.font-medium`).textContent();
const progress = (page: Page) => page.getByRole("progressbar", { name: "Batch progress" });

describe("batch progress page", () => {
  it("shows counts, bar and rows, follows the batch live without a reload, and lists what is pending", async () => {
    const { rendering, submitted } = await seedBatch();
    const page = await openStudio(browser);
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Batches" }).click();
    await page.waitForURL(`${appUrl}/admin/batches`);
    await screenshot(page, "batches-list");
    await page.getByRole("link", { name: "July 2031" }).click();
    await page.waitForURL(`${appUrl}/admin/batches/${seeded.batch}`);

    await page.getByRole("heading", { name: "Batch for July 2031" }).waitFor();
    expect(await page.locator("[data-batch-status]").textContent()).toBe("Running");
    expect(await progress(page).getAttribute("aria-valuenow")).toBe("2");
    expect(await progress(page).getAttribute("aria-valuemax")).toBe("5");
    expect({
      queued: await count(page, "queued"),
      submitted: await count(page, "submitted"),
      rendering: await count(page, "rendering"),
      completed: await count(page, "completed"),
      failed: await count(page, "failed"),
    }).toEqual({
      queued: "1",
      submitted: "1",
      rendering: "1",
      completed: "1",
      failed: "1",
    });
    expect(
      await progress(page)
        .locator("[data-segment]")
        .evaluateAll((parts) => parts.map((part) => part.getAttribute("data-segment"))),
    ).toEqual(["queued", "submitted", "rendering", "completed", "failed"]);
    expect(await page.getByTestId("batch-eta").textContent()).toMatch(
      /^Estimated time left: (under a minute|about \d+ min)\.$/,
    );
    const rows = await page.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.textContent));
    expect(rows).toHaveLength(5);
    expect(rows[3]).toContain("HeyGen refused: out of credits");
    expect(rows[3]).toContain("Failed");
    expect(await page.locator(`tbody tr a[href="/videos/${rendering}"]`).textContent()).toContain("Video");
    expect(await seriousViolations(page)).toEqual([]);

    // HeyGen finishes one render: the page follows without a reload.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await db.query(`UPDATE "Video" SET status = 'COMPLETED', "completedAt" = now() WHERE id = $1`, [rendering]);
    await page.locator("[data-count=completed] span.font-medium", { hasText: "2" }).waitFor({ timeout: 10_000 });
    expect(await progress(page).getAttribute("aria-valuenow")).toBe("3");
    expect(await count(page, "rendering")).toBe("0");
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, "batch-phone");

    // The pending view: the one still sent, from this batch, and a studio render an hour old, overdue.
    const stuck = await insertVideo("Stuck in the studio", "PROCESSING", 3_600);
    // On a phone the tabs are behind the menu (issue 16).
    await page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: /^Menu/ }).click();
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Pending" }).click();
    await page.waitForURL(`${appUrl}/admin/pending`);
    const pendingRow = page.locator(`li[data-video-id="${submitted}"]`);
    expect(await pendingRow.getByRole("link", { name: "from a batch" }).getAttribute("href")).toBe(
      `/admin/batches/${seeded.batch}`,
    );
    expect(await pendingRow.textContent()).not.toContain("Overdue");
    const stuckRow = page.locator(`li[data-video-id="${stuck}"]`);
    expect(await stuckRow.textContent()).toContain("Overdue: older than usual");
    expect(await stuckRow.textContent()).toContain("from the studio");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "pending-phone");

    // Everything left finishes (the queued one cancelled): the batch says done, and its ETA goes.
    await db.query(`UPDATE "BatchItem" SET status = 'CANCELLED' WHERE "batchId" = $1 AND status = 'QUEUED'`, [
      seeded.batch,
    ]);
    await db.query(`UPDATE "Video" SET status = 'COMPLETED', "completedAt" = now() WHERE id = $1`, [submitted]);
    await page.goBack();
    await page.locator("[data-batch-status]", { hasText: "Done" }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("batch-eta").textContent()).toBe("Done: every item is finished.");
    expect(await progress(page).getAttribute("aria-valuenow")).toBe("5");
    await page.close();
  });
});
