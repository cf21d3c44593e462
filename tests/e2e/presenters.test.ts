import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { openStudio } from "./studio";
import { PHONE, screenshot } from "./viewer-stack";

const appUrl = inject("appUrl");
const PORTRAIT_LOOK = fakeLooks.find((look) => look.preferred_orientation === "portrait")!;

let browser: Browser;
let db: pg.Client;
beforeAll(async () => {
  browser = await launchChromium();
  db = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await db.connect();
});
afterAll(async () => {
  await browser?.close();
  await db?.end();
});

const studio = () => openStudio(browser);

async function storedPresenter(name: string) {
  const { rows } = await db.query(
    `SELECT "avatarId", "aspectRatio", options, tags, active FROM "Presenter" WHERE name = $1`,
    [name],
  );
  expect(rows).toHaveLength(1);
  return rows[0] as Record<string, unknown>;
}

describe("presenters", () => {
  it("saves the studio's look as a presenter, lists it with its settings, renames and deactivates it on a phone", async () => {
    const page = await studio();
    await page.click(`label[data-look-id="${PORTRAIT_LOOK.id}"]`);
    await page.click(`label:has(input[name="options.captions"][value="burned"])`);
    await page.getByRole("button", { name: "Save as presenter" }).click();
    const panel = page.getByRole("region", { name: "Save as presenter" });
    await panel.getByLabel("Presenter name").fill("E2E Portrait Host");
    await panel.getByLabel("Tags").fill("Morning, news");
    await page.getByRole("button", { name: "Save presenter" }).click();
    const saved = page.getByRole("status").filter({ hasText: "Saved “E2E Portrait Host” as a presenter." });
    expect(await saved.getByRole("link", { name: "See the presenters" }).getAttribute("href")).toBe(
      "/admin/presenters",
    );

    expect(await storedPresenter("E2E Portrait Host")).toEqual({
      avatarId: PORTRAIT_LOOK.id,
      aspectRatio: "9:16",
      options: { captions: "burned", outputFormat: "mp4" },
      tags: ["morning", "news"],
      active: true,
    });

    // The same name again, in another case: refused, said under the name field (focused there), and nowhere else.
    await page.getByRole("button", { name: "Save as presenter" }).click();
    await panel.getByLabel("Presenter name").fill("e2e portrait host");
    await page.getByRole("button", { name: "Save presenter" }).click();
    const taken = panel.getByRole("alert").filter({ hasText: "A presenter already has this name." });
    await taken.waitFor();
    const nameField = panel.getByLabel("Presenter name");
    expect(await nameField.getAttribute("aria-invalid")).toBe("true");
    expect(await nameField.evaluate((input) => input === document.activeElement)).toBe(true);
    const describedBy = (await nameField.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe("A presenter already has this name.");
    expect(await page.getByText("A presenter already has this name.").count()).toBe(1);

    await page.setViewportSize(PHONE);
    // On a phone the tabs are behind the menu (issue 16).
    await page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: /^Menu/ }).click();
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Presenters" }).click();
    await page.waitForURL(`${appUrl}/admin/presenters`);
    const id = await page
      .locator("li[data-presenter-id]", { hasText: "E2E Portrait Host" })
      .getAttribute("data-presenter-id");
    const card = page.locator(`li[data-presenter-id="${id}"]`);
    expect(await card.getByTestId("presenter-format").textContent()).toBe("Portrait 9:16, 1080p");
    expect(await card.getByTestId("presenter-options").textContent()).toBe("captions burned in");
    expect(await card.getByTestId("presenter-tags").textContent()).toBe("morning, news");
    expect(await card.textContent()).toContain(PORTRAIT_LOOK.name);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);

    // Rename and retag from the keyboard.
    await card.getByRole("button", { name: "Edit name and tags" }).focus();
    await page.keyboard.press("Enter");
    await card.locator("input[name=name]").fill("E2E Evening Host");
    await card.locator("input[name=tags]").fill("evening");
    await card.locator("input[name=tags]").press("Enter");
    await card.getByRole("heading", { name: "E2E Evening Host" }).waitFor();
    expect(await card.getByTestId("presenter-tags").textContent()).toBe("evening");

    await card.getByRole("checkbox", { name: "Active" }).click(); // checked again once the server has it
    await card.getByText("Inactive").waitFor();
    await screenshot(page, "presenters-phone");
    expect(await storedPresenter("E2E Evening Host")).toMatchObject({ tags: ["evening"], active: false });

    // What was saved is what the page shows after a reload.
    await page.reload();
    expect(await card.getByRole("heading").textContent()).toContain("E2E Evening Host");
    expect(await card.getByRole("checkbox", { name: "Active" }).isChecked()).toBe(false);
    await page.close();
  });
});
