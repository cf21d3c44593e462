import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeLooks, signWebhookBody } from "../../src/mocks/heygen/fake-heygen";
import { startFakeHeygenServer, type FakeHeygenServer } from "../../src/mocks/heygen/http-server";
import { startApp, type RunningApp } from "./app";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { createDatabase, DESKTOP, PHONE } from "./viewer-stack";

/**
 * Two instances of the one build behind a (pretend) load balancer, sharing one PostgreSQL: a database of their own,
 * since their videos' media are this file's fake HeyGen's, which no other test's pages allow (CSP).
 */
const base = {
  HEYGEN_API_KEY: "live-key",
  HEYGEN_SECRET: "whsec_live",
  ADMIN_PASSWORD: "live-status-password",
  SESSION_SECRET: "live-status-session-secret-of-32-chars",
};

let heygen: FakeHeygenServer;
let databaseUrl: string;
let instances: RunningApp[] = [];
let browser: Browser;
beforeAll(async () => {
  // No webhook comes by itself: the test delivers it when it wants (the app waits 2 minutes before asking HeyGen).
  heygen = await startFakeHeygenServer({ apiKey: base.HEYGEN_API_KEY, renderMs: 1_000, deliverWebhooks: false });
  databaseUrl = await createDatabase();
  const DATABASE_URL = databaseUrl;
  instances = await Promise.all([
    startApp({ ...base, DATABASE_URL, HEYGEN_API_URL: heygen.url }),
    startApp({ ...base, DATABASE_URL, HEYGEN_API_URL: heygen.url }),
  ]);
  browser = await launchChromium();
  // Each instance's first webhook and first status request load their route's code: not what the viewer's wait is
  // about.
  await Promise.all(
    instances.flatMap((instance) => [
      deliverSuccess(instance, { id: "warm-up", heygenVideoId: "warm-up" }, "https://example.com/v.mp4"),
      fetch(`${instance.url}/api/videos/warm-up`).then((response) => expect(response.status).toBe(404)),
    ]),
  );
});
afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await heygen?.close();
  await browser?.close();
});

/** An admin session on the first instance (any instance honours it). */
async function adminCookie(): Promise<string> {
  const login = await fetch(`${instances[0]!.url}/api/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password: base.ADMIN_PASSWORD }),
  });
  return login.headers.get("set-cookie")!.split(";")[0]!;
}

async function renderingVideo(title: string): Promise<{ id: string; heygenVideoId: string }> {
  const cookie = await adminCookie();
  const created = await fetch(`${instances[0]!.url}/api/videos`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: instances[0]!.url, "idempotency-key": randomUUID() },
    body: JSON.stringify({
      title,
      script: "Watching live.",
      avatarId: fakeLooks[0]!.id,
      aspectRatio: "16:9",
      resolution: "720p",
    }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const job = [...heygen.fake.jobs.values()].find((candidate) => candidate.callbackId === id)!;
  return { id, heygenVideoId: job.videoId };
}

/** HeyGen's signed "done" delivery, to the instance the load balancer picked. */
async function deliverSuccess(
  instance: RunningApp,
  video: { id: string; heygenVideoId: string },
  videoUrl?: string,
): Promise<number> {
  const data = videoUrl ? { video_url: videoUrl } : await renderedJob(video.heygenVideoId);
  const eventId = `evt_${randomUUID()}`;
  const body = JSON.stringify({
    event_id: eventId,
    event_type: "avatar_video.success",
    event_data: { video_id: video.heygenVideoId, callback_id: video.id, video_url: data.video_url },
  });
  const sentAt = Date.now();
  const response = await fetch(`${instance.url}/api/heygen/callback`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "heygen-signature": signWebhookBody(body, base.HEYGEN_SECRET),
      "heygen-timestamp": String(Math.floor(Date.now() / 1000)),
      "heygen-event-id": eventId,
    },
    body,
  });
  expect(response.status).toBe(200);
  return sentAt;
}

/** The job as the fake HeyGen has rendered it (its presigned video URL). */
async function renderedJob(heygenVideoId: string): Promise<{ video_url: string }> {
  for (let attempt = 0; ; attempt++) {
    const job = await fetch(`${heygen.url}/v3/videos/${heygenVideoId}`, {
      headers: { "x-api-key": base.HEYGEN_API_KEY },
    });
    const { data } = (await job.json()) as { data: { status: string; video_url: string } };
    if (data.status === "completed" || attempt === 50) {
      expect(data.status).toBe("completed");
      return data;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The time (this machine's clock) at which an element with that test id first appears on the page. */
function whenShown(page: Page, testId: string): Promise<number> {
  return page.evaluate(
    (selector) =>
      new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          resolve(Date.now());
        });
        observer.observe(document.body, { childList: true, subtree: true });
      }),
    `[data-testid=${testId}]`,
  );
}

/** The page's requests to the status route, as they start. */
function statusRequests(page: Page, id: string): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === `/api/videos/${id}`) seen.push(request.url());
  });
  return seen;
}

describe("a viewer waiting for a video, with two app instances", () => {
  it("waits on one long-poll, and plays within a second of the webhook reaching the other instance", async () => {
    const video = await renderingVideo("Live across instances");
    const page = await browser.newPage();
    const requests = statusRequests(page, video.id);
    const asked = page.waitForRequest((request) => new URL(request.url()).pathname === `/api/videos/${video.id}`);
    await page.goto(`${instances[1]!.url}/videos/${video.id}`);
    await page.getByTestId("video-generating").waitFor();
    await asked;
    // Its first question is the conditional long-poll, not a plain poll. How it paces itself over minutes of waiting
    // (one request per 25 s) is the DOM tests' (src/hooks/watch-video.test.ts).
    expect(requests).toEqual([expect.stringMatching(/\?wait=25$/)]);

    const shown = whenShown(page, "video-ready");
    const deliveredAt = await deliverSuccess(instances[0]!, video);
    expect((await shown) - deliveredAt).toBeLessThan(1_000);

    // Then the details the app fetches after answering HeyGen (poster, length) reach the page too, but the URL it
    // plays stays the one it started with, though the app has re-signed it meanwhile.
    const player = page.getByTestId("video-ready");
    const startedWith = await player.getAttribute("src");
    await page.waitForFunction(
      () => document.querySelector("[data-testid=video-ready]")?.getAttribute("poster"),
      undefined,
      { timeout: 5_000 },
    );
    expect(await player.getAttribute("src")).toBe(startedWith);
    await page.close();
  });

  it("asks nothing while the tab is hidden, and catches up as soon as it is shown", async () => {
    const video = await renderingVideo("Hidden tab");
    const page = await browser.newPage();
    // Opened in a background tab: hidden from the start. (Its fallback polling pausing while hidden, and the rest of
    // the loop's timing, are the DOM tests' in src/hooks/watch-video.test.ts.)
    await page.addInitScript(() =>
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" }),
    );
    const requests = statusRequests(page, video.id);
    await page.goto(`${instances[1]!.url}/videos/${video.id}`);
    // The clock starts once the page is live: the same commit started the player's watch, which a visible tab would
    // have begun with its long-poll.
    await page.getByText("elapsed · plays here once ready").waitFor();
    expect(requests).toEqual([]);
    await deliverSuccess(instances[0]!, video);

    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await page.getByTestId("video-ready").waitFor({ timeout: 2_000 });
    await page.close();
  });

  it("asks once for a fresh media URL when the one it has cannot be loaded", async () => {
    const video = await renderingVideo("Expired link");
    await deliverSuccess(instances[0]!, video);
    // Its details landed (poster, length); then, a while after HeyGen was last asked about it (one HeyGen call per
    // video per interval, whatever the reason), its stored URL dies, well before the expiry the app knows of.
    const database = new pg.Client({ connectionString: databaseUrl });
    await database.connect();
    try {
      // Its details landed, and its copy to our storage is done (or not coming): a stored copy would be served instead
      // of HeyGen's URL, so it is set aside (as if the copy had given up) for the player to meet the dead URL.
      for (let i = 0; i < 100; i++) {
        const { rows } = await database.query(`SELECT duration, "storedMedia" FROM "Video" WHERE id = $1`, [video.id]);
        if (rows[0]?.duration !== null && (rows[0]?.storedMedia !== null || i >= 50)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await database.query(
        `UPDATE "Video" SET "videoUrl" = $2, "heygenCheckedAt" = now() - interval '1 minute', "storedMedia" = NULL,
           "mediaStoredAt" = NULL, "mediaCopyFailedAt" = now(), "mediaCopyError" = 'set aside by the test' WHERE id = $1`,
        [video.id, `${heygen.url}/media/dead.mp4?Expires=1&Signature=0`],
      );
    } finally {
      await database.end();
    }
    const page = await browser.newPage();
    const requests = statusRequests(page, video.id);
    await page.goto(`${instances[1]!.url}/videos/${video.id}`);
    const player = page.getByTestId("video-ready");
    await player.waitFor();
    await page.waitForFunction(
      () => (document.querySelector("[data-testid=video-ready]") as HTMLVideoElement).readyState >= 2,
    );
    expect(await player.getAttribute("src")).not.toContain("dead.mp4");
    expect(requests.filter((url) => url.endsWith("?fresh=1"))).toHaveLength(1);
    await page.close();
  });

  it.each([
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ])(
    "a finished video made private while a viewer watches: the player gives way to a notice within a second (%s)",
    async (size, viewport) => {
      const video = await renderingVideo(`Withdrawn (${size})`);
      await deliverSuccess(instances[0]!, video);
      const page = await browser.newPage({ viewport });
      await page.goto(`${instances[1]!.url}/videos/${video.id}`);
      // Settled (poster in): the long-poll it keeps is the one a finished video's page keeps.
      await page.waitForFunction(
        () => document.querySelector("[data-testid=video-ready]")?.getAttribute("poster"),
        undefined,
        { timeout: 5_000 },
      );
      const shown = whenShown(page, "video-gone");
      const cookie = await adminCookie();
      const changedAt = Date.now();
      const hidden = await fetch(`${instances[0]!.url}/api/admin/videos/${video.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json", cookie, origin: instances[0]!.url },
        body: JSON.stringify({ visibility: "private" }),
      });
      expect(hidden.status).toBe(200);
      expect((await shown) - changedAt).toBeLessThan(1_000);

      const notice = page.getByTestId("video-gone");
      expect(await notice.getAttribute("role")).toBe("alert");
      expect(await notice.textContent()).toContain("This video is no longer available.");
      expect(await page.getByTestId("video-ready").count()).toBe(0); // the player, and its sound, are gone
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
  );
});
