import pg from "pg";
import type { APIRequestContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import type { RunningApp } from "./app";
import { launchChromium } from "./browser";
import { postJson, until } from "./api-calls";
import { startOwnApp } from "./own-app";

/**
 * Issue 18's "done when", through the app's own API on the production build: a plan's videos are made as drafts,
 * wait in review seen by nobody, are approved in bulk, and each becomes public at its own plan moment (its plan day at
 * the month's publish time) with one `video.published` delivery that a receiver verifies with `standardwebhooks`; a
 * rejected one is remade by the next "Generate what is missing". The compressed clock: the plan spans yesterday,
 * today and tomorrow (UTC), and the publish time is the next whole minute at least 90 s away, so yesterday's videos
 * publish on approval, today's at that minute, and tomorrow's are scheduled a day later.
 */
const PASSWORD = inject("adminPassword");
const DAY_MS = 86_400_000;

let app: RunningApp;
let api: APIRequestContext;
let receiver: WebhookReceiver;
let db: pg.Client;
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  const own = await startOwnApp({ PUBLISH_TIMEZONE: "UTC" });
  closers.push(() => own.stop());
  app = own.app;
  db = new pg.Client({ connectionString: own.databaseUrl });
  await db.connect();
  closers.unshift(() => db.end());
  receiver = await startWebhookReceiver();
  closers.unshift(() => receiver.close());
  const browser = await launchChromium();
  closers.unshift(() => browser.close());
  const context = await browser.newContext({ baseURL: app.url, extraHTTPHeaders: { origin: app.url } });
  api = context.request;
  expect((await api.post("/api/admin/login", { data: { password: PASSWORD } })).status()).toBe(200);
}, 120_000);
afterAll(async () => {
  for (const close of closers) await close().catch(() => {});
});

const post = <T>(path: string, data: unknown, status = 200, headers?: Record<string, string>) =>
  postJson<T>(api, path, data, status, headers);

const day = (moment: Date) => moment.toISOString().slice(0, 10);
const hhmm = (moment: Date) => moment.toISOString().slice(11, 16);

/** What a viewer (no session) gets at the video's status route. */
async function viewerStatus(id: string): Promise<number> {
  return (await fetch(`${app.url}/api/videos/${id}`)).status;
}

type Draft = { id: string; title: string; publishesAt: string | null };
type Review = { drafts: Draft[]; count: number };

async function reviewQueue(count: number): Promise<Draft[]> {
  return until(`${count} drafts in review`, async () => {
    const queue = (await (await api.get("/api/admin/review")).json()) as Review;
    return queue.count === count ? queue.drafts : undefined;
  });
}

/** The `video.published` deliveries so far, verified with the endpoint's secret: video id → how many. */
function publishedDeliveries(secret: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of receiver.verified(secret).filter((message) => message.type === "video.published")) {
    const id = (message.data.video as { id: string }).id;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe("A plan's month, reviewed and published at its moments", () => {
  it("keeps drafts from viewers, approves them in bulk, publishes each at its plan moment with a verified video.published, and remakes a rejected one", async () => {
    // The publish time: the next whole minute at least 90 s away; "today" is its day.
    const moment = new Date(Math.ceil((Date.now() + 90_000) / 60_000) * 60_000);
    const days = { yesterday: day(new Date(moment.getTime() - DAY_MS)), today: day(moment), tomorrow: "" };
    days.tomorrow = day(new Date(moment.getTime() + DAY_MS));
    const months = [...new Set(Object.values(days).map((date) => date.slice(0, 7)))];
    for (const month of months) {
      const response = await api.put(`/api/admin/plan/months/${month}`, { data: { publishTime: hhmm(moment) } });
      expect(response.status()).toBe(200);
    }

    const { secret } = await post<{ secret: string }>(
      "/api/admin/webhooks",
      { url: receiver.url, events: ["video.published"], description: "The month's receiver" },
      201,
    );
    const presenter = await post<{ id: string }>(
      "/api/admin/presenters",
      { name: "Month presenter", avatarId: fakeLooks[0]!.id, aspectRatio: "16:9", resolution: "720p" },
      201,
    );
    const plan = [
      ["yesterday", "Yesterday one"],
      ["yesterday", "Yesterday two"],
      ["today", "Today one"],
      ["today", "Today two"],
      ["tomorrow", "Tomorrow one"],
    ] as const;
    for (const [when, title] of plan) {
      await post(
        "/api/admin/plan/scripts",
        { date: days[when], title, script: `${title}: the news of the day.`, presenterId: presenter.id },
        201,
      );
    }
    for (const month of months) await post("/api/admin/batches", { month }, 201);

    // Made as drafts: in review, nowhere public.
    const drafts = await reviewQueue(plan.length);
    const idOf = new Map(drafts.map((draft) => [draft.title, draft.id]));
    // Oldest plan day first.
    expect(drafts.map((draft) => draft.title.split(" ")[0])).toEqual(plan.map(([, title]) => title.split(" ")[0]));
    for (const { id } of drafts) expect(await viewerStatus(id)).toBe(404);
    const gallery = await (await fetch(`${app.url}/api/videos`)).text();
    const sitemap = await (await fetch(`${app.url}/sitemap.xml`)).text();
    const feed = await (await fetch(`${app.url}/feed.xml`)).text();
    for (const { id } of drafts) for (const list of [gallery, sitemap, feed]) expect(list).not.toContain(id);

    // One rejected with a reason; the rest approved at once, in bulk.
    const rejectedId = idOf.get("Yesterday two")!;
    await post(`/api/admin/videos/${rejectedId}/reject`, { reason: "Say the product's name right." });
    const approved = drafts.filter(({ id }) => id !== rejectedId).map(({ id }) => id);
    expect(moment.getTime() - Date.now()).toBeGreaterThan(5_000); // approved before today's moment
    const bulk = await post<{ approved: Array<{ id: string; publishAt: string | null }>; skipped: unknown[] }>(
      "/api/admin/review/approve",
      { ids: approved },
    );
    expect(bulk.skipped).toEqual([]);
    const publishAtOf = new Map(bulk.approved.map((entry) => [entry.id, entry.publishAt]));
    expect(Object.fromEntries(plan.map(([, title]) => [title, publishAtOf.get(idOf.get(title)!)]))).toEqual({
      "Yesterday one": null, // its moment has passed: public on approval
      "Yesterday two": undefined, // rejected
      "Today one": moment.toISOString(),
      "Today two": moment.toISOString(),
      "Tomorrow one": new Date(moment.getTime() + DAY_MS).toISOString(),
    });
    expect((await reviewQueue(0)).length).toBe(0);

    // Yesterday's is public now; today's are not until their moment, then are, within seconds of it.
    expect(await viewerStatus(idOf.get("Yesterday one")!)).toBe(200);
    const today = [idOf.get("Today one")!, idOf.get("Today two")!];
    for (const id of today) expect(await viewerStatus(id)).toBe(404);
    await until(
      "today's videos public",
      async () => {
        const statuses = await Promise.all(today.map(viewerStatus));
        if (statuses.every((status) => status === 200)) return true;
        expect(Date.now()).toBeLessThan(moment.getTime() + 10_000);
        return undefined;
      },
      moment.getTime() + 15_000 - Date.now(),
    );
    expect(Date.now()).toBeGreaterThanOrEqual(moment.getTime());
    // Viewers' gate follows publishAt itself; the publish job records publishedAt (and so video.published) at it.
    const rows = await until(
      "today's videos' publishedAt",
      async () => {
        const { rows } = await db.query<{ id: string; publishedAt: Date | null }>(
          `SELECT id, "publishedAt" FROM "Video" WHERE id = ANY($1)`,
          [today],
        );
        return rows.every((row) => row.publishedAt)
          ? rows.map((row) => ({ publishedAt: row.publishedAt! }))
          : undefined;
      },
      15_000,
    );
    for (const row of rows) {
      expect(row.publishedAt.getTime()).toBeGreaterThanOrEqual(moment.getTime());
      expect(row.publishedAt.getTime()).toBeLessThan(moment.getTime() + 5_000);
    }

    // Tomorrow's stays hidden, its publish job waiting for its own moment.
    const tomorrowId = idOf.get("Tomorrow one")!;
    expect(await viewerStatus(tomorrowId)).toBe(404);
    const job = await db.query<{ start_after: Date }>(
      `SELECT start_after FROM pgboss.job WHERE name = 'video-publish' AND data->>'videoId' = $1`,
      [tomorrowId],
    );
    expect(job.rows.map((row) => row.start_after.toISOString())).toEqual([
      new Date(moment.getTime() + DAY_MS).toISOString(),
    ]);

    // One verified video.published per published video, none for the others.
    const published = [idOf.get("Yesterday one")!, ...today];
    const deliveries = await until("a video.published per published video", async () => {
      const counts = publishedDeliveries(secret);
      return published.every((id) => counts.has(id)) ? counts : undefined;
    });
    expect(Object.fromEntries(deliveries)).toEqual(Object.fromEntries(published.map((id) => [id, 1])));

    // The rejected pair is missing again: the next "Generate what is missing" remakes it, and only it, as a draft.
    const month = days.yesterday.slice(0, 7);
    const preview = await post<{ missing: number }>("/api/admin/batches/preview", { month });
    expect(preview.missing).toBe(1);
    await post("/api/admin/batches", { month }, 201);
    const [remade] = await reviewQueue(1);
    expect(remade).toMatchObject({ title: "Yesterday two" });
    expect(remade!.id).not.toBe(rejectedId);
    expect(await viewerStatus(remade!.id)).toBe(404);
  }, 300_000);
});
