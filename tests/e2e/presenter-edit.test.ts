import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FAKE_IDS, fakeLooks, fakeVoices } from "../../src/mocks/heygen/fake-heygen";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { openStudio } from "./studio";
import { PHONE } from "./viewer-stack";

const appUrl = inject("appUrl");
const { looks, voices } = FAKE_IDS;
const lookName = (id: string) => fakeLooks.find((look) => look.id === id)!.name;
const voiceName = (id: string) => fakeVoices.find((voice) => voice.voice_id === id)!.name;

/** As the studio saved it: a landscape look with Sara, captions burned in, a colour background and a slower voice. */
const SAVED_OPTIONS = {
  captions: "burned",
  outputFormat: "mp4",
  voiceSpeed: 0.9,
  background: { type: "color", value: "#112233" },
};

let browser: Browser;
let db: pg.Client;
const created: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
  db = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await db.connect();
});
afterAll(async () => {
  await db?.query(`DELETE FROM "Presenter" WHERE id = ANY($1)`, [created]);
  await browser?.close();
  await db?.end();
});

async function insertPresenter(): Promise<{ id: string; name: string }> {
  const id = randomUUID();
  const name = `E2E Editable ${id.slice(0, 8)}`;
  await db.query(
    `INSERT INTO "Presenter" (id, name, "avatarId", "voiceId", "aspectRatio", resolution, options, tags, "updatedAt")
     VALUES ($1, $2, $3, $4, '16:9', '1080p', $5, '{morning}', now())`,
    [id, name, looks.landscape, voices.sara, SAVED_OPTIONS],
  );
  created.push(id);
  return { id, name };
}

/** Logged in, on a phone, from the presenters list to this presenter's editor by its card's link. */
async function openEditor(id: string): Promise<Page> {
  const page = await openStudio(browser);
  await page.setViewportSize(PHONE);
  await page.goto(`${appUrl}/admin/presenters`);
  await page.locator(`li[data-presenter-id="${id}"]`).getByRole("link", { name: "Change look and voice" }).click();
  await page.waitForURL(`${appUrl}/admin/presenters/${id}`);
  await page.locator("button[type=submit]:not([disabled])").waitFor(); // hydrated
  return page;
}

const isChecked = (page: Page, name: string, value: string) =>
  page.isChecked(`input[name="${name}"][value="${value}"]`);
const speedBox = "input[aria-label='Speed, exact value']";

describe("changing a presenter's look and voice", () => {
  it("opens pre-filled, saves another look, voice and speed, and the list shows the new look", async () => {
    const { id, name } = await insertPresenter();
    const page = await openEditor(id);
    await page.getByRole("heading", { name: `Look and voice of ${name}` }).waitFor();

    // Pre-filled with what the presenter has now.
    expect(await isChecked(page, "avatarId", looks.landscape)).toBe(true);
    expect(await page.getByLabel(new RegExp(`^${voiceName(voices.sara)}`)).isChecked()).toBe(true);
    expect(await isChecked(page, "aspectRatio", "16:9")).toBe(true);
    expect(await isChecked(page, "options.captions", "burned")).toBe(true);
    await page.click("summary:has-text('More options')");
    expect(await page.inputValue(speedBox)).toBe("0.9");

    // Another look by its card: its preferred orientation pre-selects the portrait format, as in the studio.
    await page.click(`label[data-look-id="${looks.portrait}"]`);
    expect(await isChecked(page, "aspectRatio", "9:16")).toBe(true);
    await page.getByLabel(new RegExp(`^${voiceName(voices.olivia)}`)).check();
    await page.fill(speedBox, "1.3");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(`${appUrl}/admin/presenters`);
    const card = page.locator(`li[data-presenter-id="${id}"]`);
    await card.getByText(lookName(looks.portrait)).waitFor();
    expect(await card.textContent()).toContain(voiceName(voices.olivia));
    expect(await card.getByTestId("presenter-format").textContent()).toBe("Portrait 9:16, 1080p");
    expect(await card.getByTestId("presenter-options").textContent()).toContain("speed 1.3×");

    const { rows } = await db.query(
      `SELECT name, "avatarId", "voiceId", "aspectRatio", resolution, options, tags FROM "Presenter" WHERE id = $1`,
      [id],
    );
    expect(rows[0]).toEqual({
      name,
      avatarId: looks.portrait,
      voiceId: voices.olivia,
      aspectRatio: "9:16",
      resolution: "1080p",
      options: { ...SAVED_OPTIONS, voiceSpeed: 1.3 },
      tags: ["morning"],
    });
    await page.close();
  });

  it("says why a save failed, beside the field it names, and keeps every choice", async () => {
    const { id } = await insertPresenter();
    const page = await openEditor(id);
    await page.click(`label[data-look-id="${looks.brandon}"]`);
    await page.click("summary:has-text('More options')");
    await page.fill(speedBox, "1.2");

    // The presenter deleted meanwhile (in another tab): the API's 404 is said, nothing chosen is lost.
    await db.query(`DELETE FROM "Presenter" WHERE id = $1`, [id]);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("alert").filter({ hasText: "No presenter with this id." }).waitFor();
    expect(page.url()).toBe(`${appUrl}/admin/presenters/${id}`);
    expect(await isChecked(page, "avatarId", looks.brandon)).toBe(true);
    expect(await page.inputValue(speedBox)).toBe("1.2");

    // A refusal naming a field is shown beside it and focuses it (the studio's own validation, before any request).
    await page.fill(speedBox, "9");
    await page.getByRole("button", { name: "Save" }).click();
    const refusal = /options\.voiceSpeed must be at most 1\.5/;
    await page.getByRole("alert").filter({ hasText: refusal }).waitFor();
    expect(await page.locator("div:has(> div > input[name='options.voiceSpeed'])").textContent()).toMatch(refusal);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("options.voiceSpeed");
    await page.close();
  });

  it("answers 404 for a presenter that does not exist", async () => {
    const page = await openStudio(browser);
    const response = await page.goto(`${appUrl}/admin/presenters/no-such-presenter`);
    expect(response?.status()).toBe(404);
    await page.close();
  });
});
