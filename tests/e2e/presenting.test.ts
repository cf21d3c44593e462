import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { DESKTOP, PHONE, screenshot, startViewerStack, type ViewerStack } from "./viewer-stack";

const renderMs = inject("renderMs");
const LOOK = fakeLooks[0]!;

let stack: ViewerStack;
let browser: Browser;
let admin: BrowserContext;
let presenterId: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startViewerStack(), launchChromium()]);
  admin = await browser.newContext({ viewport: DESKTOP });
  await stack.logIn(admin);
  const made = await admin.request.post(`${stack.url}/api/admin/presenters`, {
    data: { name: "Morning Anna", avatarId: LOOK.id, aspectRatio: "16:9", resolution: "720p" },
  });
  expect(made.status()).toBe(201);
  presenterId = ((await made.json()) as { id: string }).id;
});
afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await stack?.stop();
});

/** A video made through the API from the presenter, as the Studio makes one when started from it. */
async function createFromPresenter(title: string, marker = ""): Promise<string> {
  const response = await admin.request.post(`${stack.url}/api/videos`, {
    data: {
      title,
      script: `${title}: good morning, here is the news.${marker}`,
      avatarId: LOOK.id,
      aspectRatio: "16:9",
      presenterId,
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** An element's text as the browser lays it out: one string per line, read from each character's position. */
function renderedLines(element: Locator): Promise<string[]> {
  return element.evaluate((root) => {
    const lines: string[] = [];
    let top: number | null = null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let index = 0; index < node.length; index++) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (top === null || Math.abs(rect.top - top) > 2) lines.push(node.data[index]!);
        else lines.push(lines.pop() + node.data[index]!);
        top = rect.top;
      }
    }
    return lines;
  });
}

async function openAs(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${stack.url}${path}`);
  return page;
}

describe("the admin's watch page", () => {
  it("follows HeyGen's events live beside the player, says how the video was made, and deletes it back to the list", async () => {
    // The Studio reads the catalogue; pages then name looks from it without asking HeyGen.
    expect((await admin.request.get(`${stack.url}/api/admin/catalogue/looks`)).status()).toBe(200);
    // The fake delivers its webhook 3 renders after the render ends: the page is open well before.
    const id = await createFromPresenter("Live events", " [late-webhook]");
    const page = await openAs(admin, `/videos/${id}`);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const events = page.getByRole("region", { name: "HeyGen events" });
    expect(await events.textContent()).toContain("None received yet.");

    // HeyGen's signed webhook completes it: the player plays and the box lists the delivery, without a reload.
    await page.getByTestId("video-ready").waitFor({ timeout: 4 * renderMs + 15_000 });
    await events.getByText("avatar_video.success").waitFor({ timeout: 10_000 });
    expect(await events.textContent()).toContain("signed (v3)");
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
    // On a phone the event's name wraps after its dot, never inside a word (it read "avatar_video.s / uccess").
    await page.setViewportSize(PHONE);
    const lines = await renderedLines(events.getByTestId("event-name"));
    expect(lines.join("")).toBe("avatar_video.success");
    expect(lines.slice(0, -1).filter((line) => !line.endsWith("."))).toEqual([]);
    await page.setViewportSize(DESKTOP);

    const made = page.getByRole("region", { name: "How it was made" });
    expect(await made.getByTestId("video-script").textContent()).toBe(
      "Live events: good morning, here is the news. [late-webhook]",
    );
    expect(await made.getByTestId("video-settings").textContent()).toContain(LOOK.name);
    await expect.poll(() => made.getByTestId("video-cost").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId("presented-by").first().textContent()).toContain("Morning Anna");
    expect(await made.getByRole("link", { name: "All videos" }).getAttribute("href")).toBe("/admin/videos");

    await made.getByRole("button", { name: /^Delete/ }).click();
    const dialog = page.getByRole("dialog", { name: "Delete “Live events”?" });
    await dialog.getByRole("button", { name: "Delete", exact: true }).click();
    await page.waitForURL(`${stack.url}/admin/videos`);
    expect(await page.locator(`li[data-video-id="${id}"]`).count()).toBe(0);
    await page.close();
  });

  it("shows a viewer none of the admin's panel", async () => {
    const id = await createFromPresenter("For viewers");
    await stack.waitUntilFinished(id);
    const viewer = await browser.newContext({ viewport: DESKTOP });
    const page = await openAs(viewer, `/videos/${id}`);
    expect(await page.getByTestId("presented-by").textContent()).toContain("Morning Anna");
    for (const name of ["How it was made", "HeyGen events"])
      expect(await page.getByRole("region", { name }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^(Regenerate|Delete)/ }).count()).toBe(0);
    await viewer.close();
  });
});

describe("who presents, in the admin list and the gallery", () => {
  it.each([
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ])("names the presenter with its face on a %s, and axe finds nothing serious", async (name, viewport) => {
    const id = await createFromPresenter(`Presented on a ${name}`);
    await stack.waitUntilFinished(id);
    const context = await browser.newContext({ viewport });
    await stack.logIn(context);
    // The Studio reads the catalogue; pages then name looks from it without asking HeyGen.
    expect((await context.request.get(`${stack.url}/api/admin/catalogue/looks`)).status()).toBe(200);

    const list = await openAs(context, "/admin/videos");
    const row = list.locator(`li[data-video-id="${id}"]`);
    expect(await row.getByTestId("presented-by").textContent()).toContain("Morning Anna");
    expect(await row.getByTestId("presented-by").locator("img").count()).toBe(1);
    await list.waitForFunction(() => [...document.images].every((image) => image.complete));
    expect(await seriousViolations(list)).toEqual([]);
    await screenshot(list, `presenting-list-${name}`);

    const gallery = await openAs(context, "/");
    const card = gallery.locator(`a[href="/videos/${id}"]`);
    expect(await card.getByTestId("presented-by").textContent()).toContain("Morning Anna");
    expect(await gallery.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    expect(await seriousViolations(gallery)).toEqual([]);
    await screenshot(gallery, `presenting-gallery-${name}`);

    const watch = await openAs(context, `/videos/${id}`);
    await watch.getByRole("region", { name: "How it was made" }).waitFor();
    expect(await watch.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    expect(await seriousViolations(watch)).toEqual([]);
    await screenshot(watch, `presenting-watch-${name}`);
    await context.close();
  });
});
