import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import { startFakeHeygenServer } from "../../src/mocks/heygen/http-server";
import { startS3Server } from "../support/s3-server";
import { startApp, type RunningApp } from "./app";
import { seriousViolations } from "./axe";
import { launchChromium } from "./browser";
import { SESSION_SECRET } from "./global-setup";
import { createDatabase, DESKTOP, PHONE, screenshot } from "./viewer-stack";

const SAMPLES = path.resolve(import.meta.dirname, "../../src/mocks/heygen/media");
const DAY = 24 * 3600 * 1000;

/**
 * Where the app keeps its copies, as a test can set one up: the app's environment for it, and how to put an object at
 * a key (what the copy job does). A parameter of the test below, so that S3 mode (an s3rver) is one more entry.
 */
type StorageMode = {
  name: string;
  start(): Promise<{
    /** The app's settings for it: MEDIA_STORAGE and the rest. */
    env: Record<string, string> & { MEDIA_STORAGE: "local" | "s3" };
    /** Origins besides the app's the browser may fetch media from (a bucket's presigned URLs). */
    origins: string[];
    put(key: string, bytes: Buffer, contentType: string): Promise<void>;
    stop(): Promise<void>;
  }>;
};

const localStorageMode: StorageMode = {
  name: "local storage",
  async start() {
    const dir = await mkdtemp(path.join(os.tmpdir(), "e2e-media-"));
    return {
      env: { MEDIA_STORAGE: "local", MEDIA_DIR: dir },
      origins: [],
      async put(key, bytes) {
        await mkdir(path.dirname(path.join(dir, key)), { recursive: true });
        await writeFile(path.join(dir, key), bytes);
      },
      stop: () => rm(dir, { recursive: true, force: true }),
    };
  },
};

const s3StorageMode: StorageMode = {
  name: "S3 storage",
  async start() {
    const server = await startS3Server();
    const env = await server.newBucketEnv();
    return {
      env: { ...env, MEDIA_STORAGE: "s3" },
      // The media route answers with a redirect to a presigned GET on the S3 server (path-style: its origin).
      origins: [server.endpoint],
      put: (key, bytes, contentType) => server.putObject(env.S3_BUCKET, key, bytes, contentType),
      stop: () => server.stop(),
    };
  },
};

const MODES: StorageMode[] = [localStorageMode, s3StorageMode];

describe.each(MODES)("a video completed a week ago, HeyGen gone, in $name", (mode) => {
  let browser: Browser;
  let app: RunningApp;
  let storage: Awaited<ReturnType<StorageMode["start"]>>;
  let video: { id: string; title: string; files: Record<"video" | "thumbnail", string> };

  beforeAll(async () => {
    storage = await mode.start();
    // HeyGen as it is for this video: its URLs expired days ago, and then HeyGen stopped answering at all.
    const heygen = await startFakeHeygenServer({ apiKey: "stored-media-key", renderMs: 0 });
    await heygen.close();
    const databaseUrl = await createDatabase();
    [browser, app] = await Promise.all([
      launchChromium(),
      startApp({
        ...storage.env,
        DATABASE_URL: databaseUrl,
        HEYGEN_API_URL: heygen.url,
        HEYGEN_API_KEY: "stored-media-key",
        ADMIN_PASSWORD: inject("adminPassword"),
        SESSION_SECRET,
      }),
    ]);
    video = await insertStoredVideo(databaseUrl, heygen.url, storage);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await storage?.stop();
  });

  it.each([
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ])(
    "plays from the start and from the middle on a %s; its share tags name our files; Download saves it",
    async (size, viewport) => {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      const page = await context.newPage();
      const outside: string[] = [];
      const ours = [app.url, ...storage.origins];
      page.on("request", (request) => {
        if (!ours.includes(new URL(request.url()).origin)) outside.push(request.url());
      });
      await page.goto(`${app.url}/videos/${video.id}`);

      const player = page.getByTestId("video-ready");
      expect(await player.getAttribute("src")).toBe(video.files.video);
      await playsFrom(page, "start");
      await playsFrom(page, "middle");
      expect(await player.evaluate((element: HTMLVideoElement) => element.currentSrc)).toBe(
        `${app.url}${video.files.video}`,
      );

      const meta = (property: string) => page.locator(`meta[property="${property}"]`).first().getAttribute("content");
      expect(await meta("og:video")).toBe(`${app.url}${video.files.video}`);
      expect(await meta("og:image")).toBe(`${app.url}${video.files.thumbnail}`);
      for (const url of [await meta("og:video"), await meta("og:image")]) expect((await fetch(url!)).status).toBe(200);

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${video.title}.mp4`);
      expect((await readFile((await download.path())!)).equals(await readFile(path.join(SAMPLES, "sample.mp4")))).toBe(
        true,
      );

      expect(outside).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `stored-media-${size}`);
      await context.close();
    },
  );
});

/** The video plays from `where`: the element reaches that time and its clock then moves on. */
async function playsFrom(page: Page, where: "start" | "middle") {
  const reached = await page.getByTestId("video-ready").evaluate(async (element: HTMLVideoElement, where) => {
    // A media error (the file not served) fails at once rather than at the test's timeout.
    const failed = new Promise<never>((_, reject) =>
      element.addEventListener("error", () => reject(new Error(`media error ${element.error?.code}`)), { once: true }),
    );
    const event = (name: string) =>
      Promise.race([new Promise((resolve) => element.addEventListener(name, resolve, { once: true })), failed]);
    if (element.error) throw new Error(`media error ${element.error.code}`);
    element.muted = true;
    if (element.readyState < 1) await event("loadedmetadata");
    const from = where === "start" ? 0 : element.duration / 2;
    if (Math.abs(element.currentTime - from) > 0.01) {
      const seeked = event("seeked");
      element.currentTime = from;
      await seeked;
    }
    await element.play();
    while (element.currentTime < from + 0.5) await event("timeupdate");
    return { from, at: element.currentTime, duration: element.duration };
  }, where);
  expect(reached.at).toBeGreaterThanOrEqual(reached.from + 0.5);
  if (where === "middle") expect(reached.from).toBeGreaterThan(1);
}

/**
 * A finished video as the copy job leaves it (another part builds that job): completed a week ago, HeyGen's URLs
 * expired a day ago, our copy of its MP4, poster and captions in storage and named by Video.storedMedia.
 */
async function insertStoredVideo(
  databaseUrl: string,
  heygenUrl: string,
  storage: Awaited<ReturnType<StorageMode["start"]>>,
) {
  const id = randomBytes(12).toString("hex").replace(/^\d/, "c");
  const title = "Kept for ever";
  const files: Record<string, { key: string; bytes: number; sha256: string; contentType: string }> = {};
  for (const [kind, file, ext, contentType] of [
    ["video", "sample.mp4", "mp4", "video/mp4"],
    ["thumbnail", "sample.jpg", "jpg", "image/jpeg"],
    ["srt", "sample.srt", "srt", "application/x-subrip"],
  ] as const) {
    const bytes = await readFile(path.join(SAMPLES, file));
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const key = `videos/${id}/${sha256.slice(0, 8)}.${ext}`;
    await storage.put(key, bytes, contentType);
    files[kind] = { key, bytes: bytes.length, sha256, contentType };
  }
  const weekAgo = new Date(Date.now() - 7 * DAY);
  const expired = `?Expires=${Math.floor((Date.now() - DAY) / 1000)}&Signature=expired`;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO "Video" (id, title, script, "avatarId", "aspectRatio", resolution, status, "heygenVideoId",
         "videoUrl", "thumbnailUrl", "subtitleUrl", duration, "mediaExpiresAt", "heygenCheckedAt", "createdAt",
         "updatedAt", "completedAt", "detailsAt", "storedMedia", "mediaStoredAt")
       VALUES ($1, $2, 'Seeded by the tests', $3, '16:9', '720p', 'COMPLETED', $4, $5, $6, $7, 5, $8, $9, $9, $9, $10,
         $10, $11, $10)`,
      [
        id,
        title,
        fakeLooks[0]!.id,
        `heygen-${id}`,
        `${heygenUrl}/media/sample.mp4${expired}`,
        `${heygenUrl}/media/sample.jpg${expired}`,
        `${heygenUrl}/media/sample.srt${expired}`,
        new Date(Date.now() - DAY),
        weekAgo,
        new Date(weekAgo.getTime() + 2 * 60_000),
        JSON.stringify({ storage: storage.env.MEDIA_STORAGE, files }),
      ],
    );
  } finally {
    await db.end();
  }
  const url = (kind: string) => `/media/${id}/${files[kind]!.sha256.slice(0, 8)}.${files[kind]!.key.split(".").pop()}`;
  return { id, title, files: { video: url("video"), thumbnail: url("thumbnail") } };
}
