import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { findFreePort } from "../../scripts/lib/embedded-postgres";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import { startFakeHeygenServer } from "../../src/mocks/heygen/http-server";
import type { AspectRatio } from "../../src/lib/video-format";
import type { PublicVideo, VideoStatus } from "../../src/lib/video";
import { startApp } from "./app";
import { SESSION_SECRET } from "./global-setup";

const API_KEY = "viewer-stack-key";
const WEBHOOK_SECRET = "whsec_viewer-stack";
const ADMIN_PASSWORD = inject("adminPassword");
const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-results/screenshots");

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

type Row = {
  title: string;
  status?: VideoStatus;
  aspectRatio?: AspectRatio;
  createdAt?: Date;
  completedAt?: Date | null;
  thumbnailUrl?: string | null;
  duration?: number | null;
  error?: string | null;
};

export type ViewerStack = Awaited<ReturnType<typeof startViewerStack>>;

/**
 * The production build on a database of its own (created in the run's PostgreSQL), with its own fake HeyGen that
 * renders in `renderMs` and sends it signed webhooks: a gallery that starts empty whatever other test files made,
 * and rows the tests can write directly (exact dates, thumbnails of any shape).
 */
export async function startViewerStack() {
  const databaseUrl = await createDatabase();
  const port = await findFreePort();
  const heygen = await startFakeHeygenServer({
    apiKey: API_KEY,
    renderMs: inject("renderMs"),
    endpoints: [{ url: `http://127.0.0.1:${port}/api/heygen/callback`, secret: WEBHOOK_SECRET }],
  });
  const app = await startApp(
    {
      DATABASE_URL: databaseUrl,
      HEYGEN_API_URL: heygen.url,
      HEYGEN_API_KEY: API_KEY,
      HEYGEN_SECRET: WEBHOOK_SECRET,
      ADMIN_PASSWORD,
      SESSION_SECRET,
    },
    { port },
  );
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const cookie = await adminCookie(app.url);

  /** A video made through the API, as an admin would: HeyGen renders it and its webhook completes it. */
  async function createVideo(input: { title: string; script?: string; aspectRatio?: AspectRatio }): Promise<string> {
    const response = await fetch(`${app.url}/api/videos`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({
        script: "Hello from the viewer tests.",
        avatarId: fakeLooks[0]!.id,
        aspectRatio: "16:9",
        resolution: "720p",
        ...input,
      }),
    });
    if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  }

  async function video(id: string): Promise<PublicVideo> {
    return (await fetch(`${app.url}/api/videos/${id}`)).json() as Promise<PublicVideo>;
  }

  async function waitUntilFinished(id: string): Promise<PublicVideo> {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      const latest = await video(id);
      // A completed video's details (thumbnail, duration) are fetched from HeyGen just after its webhook, and its
      // media copied to our storage just after that (served from /media/ from then on).
      const stored = latest.duration !== null && latest.videoUrl?.startsWith("/media/");
      if ((latest.status === "COMPLETED" && stored) || latest.status === "FAILED") return latest;
    }
    throw new Error(`video ${id} did not finish (and get stored) within 30 s`);
  }

  /**
   * A row written straight into the database; finished ones took `renderSeconds` (default 2 min) to render, and
   * completed ones have their details (settled). Its last news and media URLs are recent, so the app asks HeyGen
   * nothing about it during a test.
   */
  async function insertVideo(row: Row, renderSeconds = 120): Promise<string> {
    const id = randomBytes(12).toString("hex").replace(/^\d/, "c"); // the app's ids are lowercase alphanumerics
    const status = row.status ?? "COMPLETED";
    const createdAt = row.createdAt ?? new Date();
    const finished = status === "COMPLETED" || status === "FAILED";
    const completedAt =
      row.completedAt !== undefined
        ? row.completedAt
        : finished
          ? new Date(createdAt.getTime() + renderSeconds * 1000)
          : null;
    await db.query(
      `INSERT INTO "Video" (id, title, script, "avatarId", "aspectRatio", resolution, status, "thumbnailUrl", duration, error,
         "heygenVideoId", "heygenCheckedAt", "mediaExpiresAt", "createdAt", "updatedAt", "completedAt", "detailsAt")
       VALUES ($1, $2, 'Seeded by the tests', $3, $4, '1080p', $5, $6, $7, $8, $9, now(), now() + interval '7 days', $10, now(), $11, $12)`,
      [
        id,
        row.title,
        fakeLooks[0]!.id,
        row.aspectRatio ?? "16:9",
        status,
        row.thumbnailUrl ?? null,
        row.duration ?? null,
        row.error ?? null,
        `seeded-${id}`,
        createdAt,
        completedAt,
        status === "COMPLETED" ? completedAt : null,
      ],
    );
    return id;
  }

  /** A browser context logged in as the admin. */
  async function logIn(context: BrowserContext) {
    const [name, ...value] = cookie.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: app.url }]);
  }

  return {
    url: app.url,
    /** The stack's own database, for what no route writes yet (a copy job's bookkeeping, say). */
    db,
    createVideo,
    video,
    waitUntilFinished,
    insertVideo,
    logIn,
    async stop() {
      await app.stop();
      await Promise.all([heygen.close(), db.end()]);
    },
  };
}

/** A new database in the run's PostgreSQL, migrated: a stack's own, whatever other test files write. */
export async function createDatabase(): Promise<string> {
  const url = new URL(inject("e2eDatabaseUrl"));
  const name = `viewers_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  await applyMigrations(url.href);
  return url.href;
}

async function adminCookie(appUrl: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password: ADMIN_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login answered ${response.status}`);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

const FRAME_SIZES: Record<AspectRatio, [number, number]> = {
  "16:9": [1280, 720],
  "9:16": [720, 1280],
  "1:1": [1080, 1080],
  "4:5": [864, 1080],
  "5:4": [1080, 864],
};

/**
 * A thumbnail of the format's shape (the fake HeyGen has one landscape sample only): a presenter on a coloured
 * backdrop, as a data URL, so portrait and landscape cards can be seen side by side.
 */
export function thumbnailOf(aspectRatio: AspectRatio, hue: number): string {
  const [w, h] = FRAME_SIZES[aspectRatio];
  const r = Math.min(w, h) / 7;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
    <defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 70% 55%)"/><stop offset="1" stop-color="hsl(${hue + 40} 70% 30%)"/></linearGradient></defs>
    <rect width="${w}" height="${h}" fill="url(#g)"/>
    <circle cx="${w / 2}" cy="${h / 2 - r * 0.6}" r="${r}" fill="hsl(${hue} 30% 90%)"/>
    <rect x="${w / 2 - r * 1.8}" y="${h / 2 + r * 0.6}" width="${r * 3.6}" height="${h}" rx="${r * 1.2}" fill="hsl(${hue} 30% 85%)"/>
  </svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** A full-page screenshot in test-results/screenshots/<name>.png, for people to look at. */
export async function screenshot(page: Page, name: string) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
