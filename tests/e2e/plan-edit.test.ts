import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { openPlanMonth } from "./studio";
import { PHONE } from "./viewer-stack";

/** The database is shared with the other browser tests: presenters, a tag and a month of our own, removed after. */
const SUFFIX = randomBytes(4).toString("hex");
const ANNA = `Edit E2E Anna ${SUFFIX}`;
const TAG = `edit-${SUFFIX}`;
const MONTH = "2034-03";

let browser: Browser;
let db: pg.Client;
let annaId: string;
beforeAll(async () => {
  db = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await db.connect();
  const presenter = `INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, tags, "updatedAt") VALUES ($1, $2, 'look_1', '16:9', '1080p', $3, now())`;
  annaId = `plan-edit-a-${SUFFIX}`;
  await db.query(presenter, [annaId, ANNA, []]);
  await db.query(presenter, [`plan-edit-b-${SUFFIX}`, `Edit E2E Ben ${SUFFIX}`, [TAG]]);
  const script = `INSERT INTO "PlanScript" (id, date, title, script, "presenterId", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`;
  await db.query(script, [
    `plan-edit-1-${SUFFIX}`,
    `${MONTH}-02`,
    "Monday hello",
    "Hello, everyone.\nHave a good week.",
    annaId,
  ]);
  await db.query(script, [`plan-edit-2-${SUFFIX}`, `${MONTH}-03`, "Tuesday tip", "A quick tip.", annaId]);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await db.query(`DELETE FROM "PlanScript" WHERE id LIKE $1`, [`plan-edit-%-${SUFFIX}`]);
  await db.query(`DELETE FROM "Presenter" WHERE id LIKE $1`, [`plan-edit-%-${SUFFIX}`]);
  await db.end();
});

const stored = async (id: string) =>
  (await db.query(`SELECT title, script, "presenterId", tag FROM "PlanScript" WHERE id = $1`, [id])).rows[0] as
    Record<string, string | null> | undefined;

const openPlan = () => openPlanMonth(browser, MONTH);

describe("Editing the plan's scripts, on a phone", () => {
  it("edits a script's title and target, keeps a refused edit as typed, and deletes one once confirmed", async () => {
    const page = await openPlan();
    const month = page.getByRole("region", { name: "Scripts in March 2034" });
    const row = (title: string) => month.getByRole("listitem").filter({ hasText: title }).last();

    // The full text is a click away.
    await row("Monday hello").getByText("Script", { exact: true }).click();
    expect(await row("Monday hello").locator("details p").textContent()).toBe("Hello, everyone.\nHave a good week.");

    // A good edit: new title, for a tag instead of the presenter.
    await row("Monday hello").getByRole("button", { name: "Edit “Monday hello”" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit “Monday hello”" });
    expect(await dialog.getByText("34 / 4,999").count()).toBe(1);
    await dialog.getByLabel("Title").fill("Monday greeting");
    await dialog.getByLabel("For").selectOption({ label: `#${TAG}` });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Save" }).click();
    await row("Monday greeting").getByText(`#${TAG}`).waitFor();
    expect(await dialog.count()).toBe(0);
    expect(await month.getByText("Monday hello").count()).toBe(0);
    expect(await stored(`plan-edit-1-${SUFFIX}`)).toMatchObject({
      title: "Monday greeting",
      presenterId: null,
      tag: TAG,
    });

    // A refused edit: the server's error by the title, and everything typed still there.
    await row("Tuesday tip").getByRole("button", { name: "Edit “Tuesday tip”" }).click();
    const edit = page.getByRole("dialog", { name: "Edit “Tuesday tip”" });
    await edit.getByLabel("Script").fill("A better tip.");
    await edit.getByLabel("Title").fill("   "); // passes the browser's `required`, refused by the server
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.getByText("title must not be empty").waitFor();
    const title = edit.getByLabel("Title");
    expect(await title.getAttribute("aria-describedby").then((id) => page.locator(`[id="${id}"]`).textContent())).toBe(
      "title must not be empty",
    );
    expect([await title.inputValue(), await edit.getByLabel("Script").inputValue()]).toEqual(["   ", "A better tip."]);
    expect(await edit.getByText("13 / 4,999").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    expect(await edit.count()).toBe(0);
    expect(await stored(`plan-edit-2-${SUFFIX}`)).toMatchObject({ title: "Tuesday tip", script: "A quick tip." });

    // Delete, once confirmed.
    await row("Tuesday tip").getByRole("button", { name: "Delete “Tuesday tip”" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete the script “Tuesday tip”?" });
    await confirm.getByText("Videos already made from it stay; those still queued for it are dropped.").waitFor();
    await confirm.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => month.getByRole("listitem").filter({ hasText: "Tuesday tip" }).count()).toBe(0);
    expect(await stored(`plan-edit-2-${SUFFIX}`)).toBeUndefined();

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    await row("Monday greeting").waitFor();
    expect(await month.getByText("Tuesday tip").count()).toBe(0);
    await page.close();
  });
});
