import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import { launchChromium } from "./browser";
import { openStudio } from "./studio";
import { PHONE } from "./viewer-stack";

const appUrl = inject("appUrl");
const TAG = `csv-${randomBytes(3).toString("hex")}`;
const PRESENTER = `CSV ${TAG}`;
const MONTH = "2033-03";

let browser: Browser;
let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await db.connect();
  await db.query(
    `INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, tags, "updatedAt") VALUES ($1, $2, $3, '9:16', '720p', $4, now())`,
    [`p-${TAG}`, PRESENTER, fakeLooks[0]!.id, [TAG]],
  );
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await db?.end();
});

const csv = [
  "date,title,script,presenter_or_tag",
  `${MONTH}-02,Monday ${TAG},Good morning and welcome to the week.,#${TAG}`,
  `${MONTH}-03,Tuesday ${TAG},"A tip, for Tuesday.",${PRESENTER}`,
  `${MONTH}-04,Wednesday ${TAG},Halfway there.,#${TAG}`,
  `${MONTH}-05,Thursday ${TAG},Nearly the weekend.,#${TAG}`,
  `${MONTH}-06,Friday ${TAG},Have a good weekend.,#${TAG}`,
].join("\n");
// Five videos: with three rendering at most (QUEUE_MAX_IN_FLIGHT), some are still queued when the admin pauses.
const COUNT = 5;

const queuedItems = async (): Promise<string[]> =>
  (
    await db.query<{ id: string }>(
      `SELECT id FROM "BatchItem" WHERE "presenterId" = $1 AND status = 'QUEUED' ORDER BY id`,
      [`p-${TAG}`],
    )
  ).rows.map((row) => row.id);

/**
 * Resolves once every queue job of these items is `completed` in pg-boss's own table: a worker took each and finished
 * with it (sent the item, or looked and let it be) and none is left to run, the evidence that the queue had its chance.
 */
async function queueLookedAt(itemIds: string[]): Promise<void> {
  for (const deadline = Date.now() + 30_000; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const { rows } = await db.query<{ itemId: string; state: string }>(
      `SELECT data->>'itemId' AS "itemId", state::text FROM pgboss.job
       WHERE name = 'batch-item-submit' AND data->>'itemId' = ANY($1)`,
      [itemIds],
    );
    const everyItem = new Set(rows.map((job) => job.itemId)).size === itemIds.length;
    if (everyItem && rows.every((job) => job.state === "completed")) return;
    if (Date.now() > deadline) throw new Error(`The queue did not finish with these items: ${JSON.stringify(rows)}`);
  }
}

describe("a month from a CSV to finished videos, in the browser", () => {
  it("imports the CSV, generates what is missing in one click, and watches the batch finish live (pausing and resuming it)", async () => {
    const phone = await browser.newContext({ viewport: PHONE });
    const page = await openStudio(phone);
    await page.goto(`${appUrl}/admin/plan?month=${MONTH}`);
    await page.getByLabel("Scripts", { exact: true }).fill(csv);
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("button", { name: `Save ${COUNT} scripts` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Saved ${COUNT} scripts.` })
      .waitFor();

    const panel = page.getByRole("region", { name: "Generate what is missing" });
    await panel.getByText("One tag").click();
    await panel.getByLabel("Tag", { exact: true }).selectOption(TAG);
    const generate = panel.getByRole("button", { name: `Generate ${COUNT} videos` });
    await generate.waitFor();
    await generate.click();
    await page.waitForURL(/\/admin\/batches\/[^/]+$/);

    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByText("Paused: nothing is sent until it is resumed").waitFor();
    // What was still queued stays queued: the worker took their jobs, saw the pause and let them be.
    const queuedAtPause = await queuedItems();
    expect(queuedAtPause.length).toBeGreaterThan(0);
    await queueLookedAt(queuedAtPause);
    expect(await queuedItems()).toEqual(queuedAtPause);
    await page.getByRole("button", { name: "Resume" }).click();
    await page.getByRole("heading", { name: `Progress: ${COUNT} of ${COUNT} finished` }).waitFor({ timeout: 60_000 });
    await page.getByText("Done: every item is finished.").waitFor();
    expect(await page.getByRole("row").filter({ hasText: "Completed" }).count()).toBe(COUNT);

    // The month's matrix says the same, and a second click has nothing left to make.
    await page.goto(`${appUrl}/admin/plan?month=${MONTH}`);
    await panel.getByText("One tag").click();
    await panel.getByLabel("Tag", { exact: true }).selectOption(TAG);
    await panel.getByRole("button", { name: "Generate 0 videos" }).waitFor();
    expect(await panel.getByRole("button", { name: "Generate 0 videos" }).isDisabled()).toBe(true);
    await phone.close();
  }, 120_000);
});
