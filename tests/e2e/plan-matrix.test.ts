import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { openPlanMonth } from "./studio";
import { DESKTOP, PHONE, screenshot } from "./viewer-stack";

/** The database is shared with the other browser tests: rows of our own (this suffix, a month nobody else uses). */
const RUN = randomBytes(4).toString("hex");
const TAG = `matrix-${RUN}`;
const MONTH = "2032-07";
/** 75 words: 30 s at 150 words a minute, $3 at $0.10 a second. */
const HALF_MINUTE = Array.from({ length: 75 }, () => "word").join(" ");

let browser: Browser;
let db: pg.Client;
const ids = { presenters: [] as string[], videos: [] as string[], batch: `batch-${RUN}`, rendering: "" };

async function presenter(name: string, tags: string[], active = true) {
  const id = `p-${name}-${RUN}`;
  await db.query(
    `INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, tags, active, "updatedAt") VALUES ($1, $2, 'look_1', '16:9', '1080p', $3, $4, now())`,
    [id, `${name} ${RUN}`, tags, active],
  );
  ids.presenters.push(id);
  return id;
}

async function script(day: string, title: string, target: { presenterId: string } | { tag: string }) {
  const id = `s-${title.replace(/\W/g, "")}-${RUN}`;
  const { presenterId = null, tag = null } = target as { presenterId?: string; tag?: string };
  await db.query(
    `INSERT INTO "PlanScript" (id, date, title, script, "presenterId", tag, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())`,
    [id, `${MONTH}-${day}`, title, HALF_MINUTE, presenterId, tag],
  );
  return id;
}

/** A sent item with a video in `status` (public unless `visibility` says), or an item in `itemStatus` with no video. */
async function item(
  planScriptId: string,
  presenterId: string,
  state: { video: string; visibility?: string } | { itemStatus: string },
) {
  let videoId: string | null = null;
  if ("video" in state) {
    videoId = `v-${randomBytes(6).toString("hex")}`;
    await db.query(
      `INSERT INTO "Video" (id, title, script, "avatarId", "aspectRatio", resolution, status, visibility, "updatedAt") VALUES ($1, 'Matrix', 'Hello.', 'look_1', '16:9', '1080p', $2, $3, now())`,
      [videoId, state.video, state.visibility ?? "PUBLIC"],
    );
    ids.videos.push(videoId);
  }
  await db.query(
    // The pair's live key, as the trigger writes it (the database drops it for a failed or cancelled item).
    `INSERT INTO "BatchItem" (id, "batchId", "planScriptId", "presenterId", status, "videoId", "liveKey", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
    [
      `i-${randomBytes(6).toString("hex")}`,
      ids.batch,
      planScriptId,
      presenterId,
      "video" in state ? "SENT" : state.itemStatus,
      videoId,
      `${planScriptId}:${presenterId}`,
    ],
  );
  return videoId;
}

beforeAll(async () => {
  db = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await db.connect();
  const anna = await presenter("Anna", [TAG]);
  const ben = await presenter("Ben", [TAG]);
  await presenter("Cleo", [TAG], false); // inactive: the tag's scripts are not for her
  const both = await script("03", "Morning hello", { tag: TAG });
  const annaOnly = await script("04", "Anna's tip", { presenterId: anna });
  await script("05", "Weekend news", { tag: `nobody-${RUN}` });
  await db.query(`INSERT INTO "Batch" (id, month, "requestedBy", "updatedAt") VALUES ($1, $2, 'admin', now())`, [
    ids.batch,
    MONTH,
  ]);
  await item(both, anna, { video: "COMPLETED" });
  // A reviewed batch's video: a draft, awaiting review once ready.
  ids.rendering = (await item(both, ben, { video: "PROCESSING", visibility: "DRAFT" }))!;
  await item(annaOnly, anna, { itemStatus: "FAILED" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await db.query(`DELETE FROM "Batch" WHERE id = $1`, [ids.batch]); // its items go with it
  await db.query(`DELETE FROM "Video" WHERE id = ANY($1)`, [ids.videos]);
  await db.query(`DELETE FROM "PlanScript" WHERE id LIKE $1`, [`%-${RUN}`]);
  await db.query(`DELETE FROM "PlanMonth" WHERE month = $1`, [MONTH]);
  await db.query(`DELETE FROM "Presenter" WHERE id = ANY($1)`, [ids.presenters]);
  await db.end();
});

const openPlan = () => openPlanMonth(browser, MONTH);

const cellOf = (page: Page, title: string, column: number) =>
  page.getByRole("table").getByRole("row").filter({ hasText: title }).getByRole("cell").nth(column);

describe("The month's status matrix, on a phone", () => {
  it("shows each pair's state in words, linked to its video, and turns Rendering into Awaiting review without a reload", async () => {
    const page = await openPlan();
    const matrix = page.getByRole("region", { name: "Videos by day and presenter" });
    // Every presenter's missing videos are counted (and their cells marked) once the panel below has its preview.
    await page.getByRole("button", { name: "Generate 1 video" }).waitFor();
    expect(await matrix.getByRole("columnheader").allTextContents()).toEqual(["Script", `Anna ${RUN}`, `Ben ${RUN}`]);
    expect(await cellOf(page, "Morning hello", 0).textContent()).toBe("Published, open the video");
    expect(await cellOf(page, "Morning hello", 1).textContent()).toBe("Rendering, open the video");
    expect(await cellOf(page, "Anna's tip", 0).textContent()).toBe("Failed, open its batch, will be made");
    expect(await cellOf(page, "Anna's tip", 1).textContent()).toBe("–Not for this presenter");
    await matrix.getByText(`No active presenter carries #nobody-${RUN}: nothing can be made for it.`).waitFor();
    const summary = matrix.getByRole("list", { name: "Pairs by state" });
    expect((await summary.getByRole("listitem").allTextContents()).join(" · ")).toBe(
      "0 Missing · 0 Queued · 0 Submitted · 1 Rendering · 0 Awaiting review · 0 Scheduled · 1 Published · 0 Ready (private) · 0 Rejected · 1 Failed",
    );
    expect(await cellOf(page, "Morning hello", 1).getByRole("link").getAttribute("href")).toBe(
      `/videos/${ids.rendering}`,
    );

    // The table scrolls in its own box; the page never scrolls sideways at 390 px; when the box is wider inside than
    // out, it says so.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const box = matrix.getByRole("region", { name: "The matrix, scrolling sideways" });
    const overflows = await box.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(await matrix.getByText("scroll sideways for more presenters").isVisible()).toBe(overflows);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "plan-matrix-phone");

    await db.query(`UPDATE "Video" SET status = 'COMPLETED', "completedAt" = now() WHERE id = $1`, [ids.rendering]);
    await cellOf(page, "Morning hello", 1).getByText("Awaiting review").waitFor({ timeout: 10_000 });
    await page.close();
  });
});

describe("Generate what is missing", () => {
  it("counts what a tag's selection would make, its length and cost, and what it skips", async () => {
    const page = await openPlan();
    const panel = page.getByRole("region", { name: "Generate what is missing" });
    await panel.getByText("One tag").click();
    await panel.getByLabel("Tag", { exact: true }).selectOption(TAG);
    // Anna's failed tip is missing again; both "Morning hello" videos are made or on their way.
    await panel.getByText("1 video, about 30 s, ≈ $3").waitFor();
    await panel.getByText("2 videos already made or on the way: skipped.").waitFor();
    expect(await panel.getByRole("button", { name: "Generate 1 video" }).isEnabled()).toBe(true);
    // Reviewed unless the admin says otherwise: the videos wait as drafts.
    expect(await panel.getByRole("checkbox", { name: "Review before publishing" }).isChecked()).toBe(true);

    await panel.getByText("Some presenters").click();
    expect(await panel.getByRole("button", { name: "Generate 0 videos" }).isDisabled()).toBe(true);
    await panel.getByText("Tick at least one presenter.").waitFor();
    await page.close();
  });
});

describe("The month's publish time", () => {
  for (const [size, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    it(`shows it in PUBLISH_TIMEZONE and saves a new one (${size})`, async () => {
      const page = await openPlan();
      await page.setViewportSize(viewport);
      const time = size === "phone" ? "07:15" : "18:30";
      await page.getByRole("heading", { name: /^Publish approved videos at \d\d:\d\d \(UTC\)$/ }).waitFor();
      await page.getByLabel("Publish time on each plan date").fill(time);
      await page.getByRole("button", { name: "Save publish time" }).click();
      await page
        .getByRole("status")
        .getByText(`Approved videos of this month will be published at ${time} (UTC).`)
        .waitFor();
      await page.getByRole("heading", { name: `Publish approved videos at ${time} (UTC)` }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
});

describe("What a selection makes, and what was made (issue 16 bugs 3 and 5)", () => {
  for (const [size, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    it(`says the one-tag rule, lists the videos a tag makes and outlines their cells (${size})`, async () => {
      const page = await openPlan();
      await page.setViewportSize(viewport);
      const panel = page.getByRole("region", { name: "Generate what is missing" });
      await panel.getByText("One tag").click();
      await panel.getByLabel("Tag", { exact: true }).selectOption(TAG);
      await panel
        .getByText(`#${TAG} covers the scripts written for #${TAG} and those written for a presenter`)
        .waitFor();
      const list = panel.getByRole("list", { name: "Videos this will make" });
      await list.waitFor();
      expect(await list.getByRole("listitem").allTextContents()).toEqual([`Sun 4 Jul, Anna's tip, by Anna ${RUN}`]);
      const marked = page.locator("[data-to-make]");
      expect(await marked.count()).toBe(1);
      expect(await cellOf(page, "Anna's tip", 0).locator("[data-to-make]").count()).toBe(1);
      await page.getByText("Outlined: the video “Generate what is missing” below will make.").waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `plan-selection-${size}`);
      await page.close();
    });
  }

  it("keeps a deactivated presenter's videos shown as made, and says nothing of them 'cannot be made'", async () => {
    const anna = ids.presenters[0]!;
    await db.query(`UPDATE "Presenter" SET active = false WHERE id = $1`, [anna]);
    try {
      const page = await openPlan();
      const matrix = page.getByRole("region", { name: "Videos by day and presenter" });
      expect(await cellOf(page, "Morning hello", 0).textContent()).toBe("Published, open the video");
      const panel = page.getByRole("region", { name: "Generate what is missing" });
      // Anna's failed tip cannot be made while she is inactive; her ready "Morning hello" is made, not an error.
      await panel.getByText("2 scripts cannot be made:").waitFor();
      expect(await panel.getByRole("listitem").allTextContents()).toEqual([
        `Sun 4 Jul, Anna's tip: Anna ${RUN} is inactive: activate the presenter to make this video.`,
        `Mon 5 Jul, Weekend news: No active presenter carries #nobody-${RUN}.`,
      ]);
      await matrix.getByRole("columnheader", { name: `Anna ${RUN} inactive` }).waitFor();
      await page.close();
    } finally {
      await db.query(`UPDATE "Presenter" SET active = true WHERE id = $1`, [anna]);
    }
  });
});
