import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { openPlanMonth } from "./studio";
import { PHONE, screenshot } from "./viewer-stack";

/** The database is shared with the other browser tests: rows of our own (this suffix, a month nobody else uses). */
const RUN = randomBytes(4).toString("hex");
const MONTH = "2032-09";
const NAME = `Lingua ${RUN}`;
/** 75 words: 30 s at 150 words a minute; its translation $1.50 at $0.05 a second. */
const HALF_MINUTE = Array.from({ length: 75 }, () => "word").join(" ");

let browser: Browser;
let db: pg.Client;
const ids = { presenter: `p-lingua-${RUN}`, batch: `batch-lingua-${RUN}`, videos: [] as string[] };

async function video(status: string, variantOf?: { id: string; language: string }) {
  const id = `v-${randomBytes(6).toString("hex")}`;
  await db.query(
    `INSERT INTO "Video" (id, title, script, "avatarId", "aspectRatio", resolution, status, "sourceVideoId", language, "variantKey", "updatedAt")
     VALUES ($1, 'Lingua', 'Hello.', 'look_1', '16:9', '1080p', $2, $3, $4, $5, now())`,
    [
      id,
      status,
      variantOf?.id ?? null,
      variantOf?.language ?? null,
      variantOf && `${variantOf.id}:${variantOf.language}`,
    ],
  );
  ids.videos.push(id);
  return id;
}

async function item(planScriptId: string, videoId: string, language: string | null) {
  const key = [planScriptId, ids.presenter, language].filter(Boolean).join(":");
  await db.query(
    `INSERT INTO "BatchItem" (id, "batchId", "planScriptId", "presenterId", language, status, "videoId", "liveKey", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, 'SENT', $6, $7, now())`,
    [`i-${randomBytes(6).toString("hex")}`, ids.batch, planScriptId, ids.presenter, language, videoId, key],
  );
}

beforeAll(async () => {
  db = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await db.connect();
  await db.query(
    `INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, languages, "updatedAt")
     VALUES ($1, $2, 'look_1', '16:9', '1080p', $3, now())`,
    [ids.presenter, NAME, ["Spanish (Spain)", "Hindi (India)"]],
  );
  const scripts = [];
  for (const [day, title] of [
    ["01", "Made and translated"],
    ["02", "Still missing"],
  ]) {
    const id = `s-lingua-${day}-${RUN}`;
    await db.query(
      `INSERT INTO "PlanScript" (id, date, title, script, "presenterId", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
      [id, `${MONTH}-${day}`, title, HALF_MINUTE, ids.presenter],
    );
    scripts.push(id);
  }
  await db.query(`INSERT INTO "Batch" (id, month, "requestedBy", "updatedAt") VALUES ($1, $2, 'admin', now())`, [
    ids.batch,
    MONTH,
  ]);
  // The first script's video is made, and translated into Spanish; Hindi is still to come.
  const source = await video("COMPLETED");
  await item(scripts[0]!, source, null);
  await item(scripts[0]!, await video("COMPLETED", { id: source, language: "Spanish (Spain)" }), "Spanish (Spain)");
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await db.query(`DELETE FROM "Batch" WHERE id = $1`, [ids.batch]); // its items go with it
  await db.query(`DELETE FROM "Video" WHERE id = ANY($1)`, [ids.videos]);
  await db.query(`DELETE FROM "PlanScript" WHERE id LIKE $1`, [`%-${RUN}`]);
  await db.query(`DELETE FROM "Presenter" WHERE id = $1`, [ids.presenter]);
  await db.end();
});

describe("Plan translations, on a phone", () => {
  it("shows each pair's languages as chips in the matrix and counts the missing translations apart in the panel", async () => {
    const page = await openPlanMonth(browser, MONTH);
    const matrix = page.getByRole("region", { name: "Videos by day and presenter" });
    const panel = page.getByRole("region", { name: "Generate what is missing" });
    await panel.getByRole("button", { name: "Generate 1 video, 3 translations" }).waitFor({ timeout: 10_000 });
    await panel.getByText("1 video, about 30 s, ≈ $3").waitFor();
    await panel.getByText("3 translations into the presenters’ languages, ≈ $4.50").waitFor();
    await panel.getByText("1 translation already made or on the way: skipped.").waitFor();

    const made = matrix.getByRole("row").filter({ hasText: "Made and translated" });
    const chips = made.getByRole("list", { name: "Translations" }).getByRole("listitem");
    expect(await chips.allTextContents()).toEqual([
      "hi-IN MissingHindi (India): Missing",
      "es-ES ReadySpanish (Spain): Ready, open the translation",
    ]);
    expect(await made.getByRole("link", { name: /Spanish \(Spain\): Ready/ }).getAttribute("href")).toBe(
      `/videos/${ids.videos[1]}`,
    );
    await matrix.getByText("Translations: 3 Missing, 1 Ready").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "plan-translations-phone");
    await page.close();
  });

  it("edits a presenter's languages with the picker and lists them on its card", async () => {
    const page = await openPlanMonth(browser, MONTH);
    await page.goto(`${inject("appUrl")}/admin/presenters`);
    const card = page.locator(`li[data-presenter-id="${ids.presenter}"]`);
    expect(await card.getByTestId("presenter-languages").textContent()).toBe("Spanish (Spain), Hindi (India)");
    await card.getByRole("button", { name: "Edit languages" }).click();
    const picker = card.getByRole("combobox", { name: "Translate plan videos into" });
    await card.getByRole("button", { name: "Remove Hindi (India)" }).click();
    await picker.fill("japan");
    await card.getByRole("option", { name: /Japanese \(Japan\)/ }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await card.getByRole("button", { name: "Save languages" }).click();
    await card.getByTestId("presenter-languages").getByText("Spanish (Spain), Japanese (Japan)").waitFor();
    const { rows } = await db.query(`SELECT languages FROM "Presenter" WHERE id = $1`, [ids.presenter]);
    expect(rows[0].languages).toEqual(["Spanish (Spain)", "Japanese (Japan)"]);
    await page.close();
  });
});
