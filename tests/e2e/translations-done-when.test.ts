import pg from "pg";
import type { APIRequestContext, Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import type { RunningApp } from "./app";
import { launchChromium } from "./browser";
import { postJson, until } from "./api-calls";
import { startOwnApp } from "./own-app";

/**
 * Issue 19's "done when", through the app's own API on the production build, its own database and a fake HeyGen that
 * renders in a second: a video translated into three languages by an automation (the bearer token), each completed by
 * HeyGen's webhook; a translation whose webhook never comes completed by reconciliation; a Spanish reader landing on
 * the Spanish translation and switching to the original in place; and a month of plan videos for a two-language
 * presenter ending with every video and translation made exactly once, as HeyGen's own records say. (The same through
 * the admin's page: translate-video.test.ts; the language menu at phone size and in the embed: watch-languages.)
 */
const PASSWORD = inject("adminPassword");
const API_TOKEN = "done-when-token-".padEnd(40, "x");
const THREE = ["Spanish (Spain)", "Japanese (Japan)", "Hindi (India)"];

let app: RunningApp;
let heygen: { url: string; apiKey: string };
let api: APIRequestContext;
let browser: Browser;
let db: pg.Client;
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  // Reconciliation looks at a video with no news for 2 s (the timer every second): a lost webhook is found at once.
  const own = await startOwnApp({ ADMIN_API_TOKEN: API_TOKEN, RECONCILE_AFTER_SECONDS: "2" });
  closers.push(() => own.stop());
  ({ app, heygen } = own);
  db = new pg.Client({ connectionString: own.databaseUrl });
  await db.connect();
  closers.unshift(() => db.end());
  browser = await launchChromium();
  closers.unshift(() => browser.close());
  const context = await browser.newContext({ baseURL: app.url, extraHTTPHeaders: { origin: app.url } });
  api = context.request;
  expect((await api.post("/api/admin/login", { data: { password: PASSWORD } })).status()).toBe(200);
}, 120_000);
afterAll(async () => {
  for (const close of closers) await close().catch(() => {});
});

const post = <T>(path: string, data: unknown, status: number, headers?: Record<string, string>) =>
  postJson<T>(api, path, data, status, headers);

/** Makes a video in the Studio's way and waits until it is completed. */
async function completedVideo(title: string): Promise<string> {
  const { id } = await post<{ id: string }>(
    "/api/videos",
    { title, script: `${title}: hello, and welcome.`, avatarId: fakeLooks[0]!.id, aspectRatio: "16:9" },
    201,
  );
  await until(`${title} completed`, async () => {
    const video = (await (await api.get(`/api/videos/${id}`)).json()) as { status: string };
    return video.status === "COMPLETED" ? true : undefined;
  });
  return id;
}

type Variant = { id: string; language: string; status: string };

async function variantsWhenFinished(sourceId: string, count: number): Promise<Variant[]> {
  return until(`${count} translations of ${sourceId} finished`, async () => {
    const { variants } = (await (await api.get(`/api/admin/videos/${sourceId}/translations`)).json()) as {
      variants: Variant[];
    };
    const finished = variants.length === count && variants.every((variant) => variant.status !== "PENDING");
    return finished && variants.every((variant) => variant.status !== "PROCESSING") ? variants : undefined;
  });
}

/** How the app heard of each video's completion: the HeyGen deliveries it logged against it, by scheme. */
async function deliverySchemes(videoId: string): Promise<string[]> {
  const { rows } = await db.query<{ scheme: string }>(
    `SELECT scheme FROM "WebhookDelivery" WHERE "videoId" = $1 ORDER BY "receivedAt"`,
    [videoId],
  );
  return rows.map((row) => row.scheme);
}

/** Every record in one of the fake HeyGen's lists (`/v3/videos` or `/v3/video-translations`), all pages. */
async function heygenRecords(path: string): Promise<Array<{ title: string | null; callback_id?: string | null }>> {
  const records: Array<{ title: string | null; callback_id?: string | null }> = [];
  for (let token: string | null = null; ;) {
    const url = new URL(path, heygen.url);
    url.searchParams.set("limit", "100");
    if (token) url.searchParams.set("token", token);
    const page = (await (await fetch(url, { headers: { "x-api-key": heygen.apiKey } })).json()) as {
      data: typeof records;
      next_token?: string | null;
    };
    records.push(...page.data);
    if (!page.next_token) return records;
    token = page.next_token;
  }
}

describe("Translations, done when", () => {
  it("translates a video into three languages through the API, each completed by HeyGen's webhook, once", async () => {
    const source = await completedVideo("Quarterly welcome");
    const bearer = { authorization: `Bearer ${API_TOKEN}` };
    const asked = await post<{ created: Variant[]; skipped: unknown[] }>(
      `/api/admin/videos/${source}/translations`,
      { languages: THREE },
      201,
      bearer,
    );
    expect(asked.created.map((variant) => variant.language)).toEqual(THREE);
    // Asked again at once: nothing new, each language named with its translation.
    const again = await post<{ created: Variant[]; skipped: Array<{ language: string; videoId: string }> }>(
      `/api/admin/videos/${source}/translations`,
      { languages: THREE },
      200,
      bearer,
    );
    expect(again.created).toEqual([]);
    expect(again.skipped.map((skip) => skip.videoId).sort()).toEqual(asked.created.map((v) => v.id).sort());

    const variants = await variantsWhenFinished(source, 3);
    expect(variants.map((variant) => variant.status)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);
    for (const variant of variants) expect(await deliverySchemes(variant.id)).toContain("signed_v3");
    const translations = await heygenRecords("/v3/video-translations");
    for (const variant of variants) {
      expect(translations.filter((record) => record.callback_id === variant.id)).toHaveLength(1);
    }
  });

  it("completes a translation whose webhook never comes by reconciliation", async () => {
    const source = await completedVideo("Lost news [no-webhook]");
    await post(`/api/admin/videos/${source}/translations`, { languages: ["French (France)"] }, 201);
    const [variant] = await variantsWhenFinished(source, 1);
    expect(variant!.status).toBe("COMPLETED");
    // No delivery from HeyGen reached the app: a run found it (HeyGen's events history, or asking about it).
    const schemes = await deliverySchemes(variant!.id);
    expect(schemes.filter((scheme) => scheme !== "events_api")).toEqual([]);
  });

  it("lands a Spanish reader on the Spanish translation, who switches to the original without a reload", async () => {
    const source = await completedVideo("Welcome, readers");
    await post(`/api/admin/videos/${source}/translations`, { languages: ["Spanish (Spain)"] }, 201);
    const [spanish] = await variantsWhenFinished(source, 1);
    // Both copied to our storage (a second or two): the player's src then names each by its id (/media/{id}/…).
    for (const id of [source, spanish!.id]) {
      await until(`${id}'s media stored`, async () => {
        const video = (await (await api.get(`/api/videos/${id}`)).json()) as { videoUrl: string | null };
        return video.videoUrl?.startsWith(`/media/${id}/`) ? true : undefined;
      });
    }

    const context = await browser.newContext({ baseURL: app.url, locale: "es-ES" });
    try {
      const page = await context.newPage();
      await page.goto(`/videos/${source}`, { waitUntil: "domcontentloaded" });
      const src = () => page.locator("video").getAttribute("src");
      expect(await src()).toContain(`/${spanish!.id}`);
      const menu = page.getByRole("combobox", { name: "Language" });
      expect(await menu.inputValue()).toBe(spanish!.id);
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
      await menu.selectOption(source);
      await page.waitForFunction(
        (id) => document.querySelector("video")?.getAttribute("src")?.includes(`/${id}`),
        source,
      );
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("makes a month of plan videos for a two-language presenter, and every video and translation, exactly once", async () => {
    const languages = ["Spanish (Spain)", "German (Germany)"];
    const presenter = await post<{ id: string }>(
      "/api/admin/presenters",
      { name: "Bilingual presenter", avatarId: fakeLooks[0]!.id, aspectRatio: "16:9", resolution: "720p", languages },
      201,
    );
    const month = new Date().toISOString().slice(0, 7);
    const titles = ["Monday brief", "Wednesday brief", "Friday brief"];
    for (const [index, title] of titles.entries()) {
      await post(
        "/api/admin/plan/scripts",
        { date: `${month}-0${index + 1}`, title, script: `${title}: the week's news.`, presenterId: presenter.id },
        201,
      );
    }
    const body = { month, presenterIds: [presenter.id], review: false };
    const batch = await post<{ batchId: string; queued: number }>("/api/admin/batches", body, 201);
    expect(batch.queued).toBe(titles.length);

    const made = await until(
      "the month's videos and translations",
      async () => {
        const { rows } = await db.query<{ id: string; title: string; status: string; language: string | null }>(
          `SELECT v.id, v.title, v.status::text, v.language FROM "BatchItem" i JOIN "Video" v ON v.id = i."videoId"
           WHERE i."batchId" = $1`,
          [batch.batchId],
        );
        const done = rows.length === titles.length * 3 && rows.every((row) => row.status === "COMPLETED");
        return done ? rows : undefined;
      },
      150_000,
    );
    expect(
      made
        .filter((row) => row.language === null)
        .map((row) => row.title)
        .sort(),
    ).toEqual([...titles].sort());
    for (const language of languages) expect(made.filter((row) => row.language === language)).toHaveLength(3);

    // HeyGen made each exactly once: one video per script, one translation per video and language.
    const videos = await heygenRecords("/v3/videos");
    for (const title of titles) expect(videos.filter((record) => record.title === title)).toHaveLength(1);
    const translations = await heygenRecords("/v3/video-translations");
    for (const row of made.filter((row) => row.language !== null)) {
      expect(translations.filter((record) => record.callback_id === row.id)).toHaveLength(1);
    }
    // A second "Generate what is missing" queues nothing.
    const second = await post<{ queued: number; translations?: { queued: number } }>("/api/admin/batches", body, 200);
    expect(second.queued).toBe(0);
    expect(second.translations?.queued ?? 0).toBe(0);
  });
});
