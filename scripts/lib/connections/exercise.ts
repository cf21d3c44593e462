import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import type { Browser } from "playwright-core";
import { fakeLooks, fakeVoices } from "../../../src/mocks/heygen/fake-heygen";
import { OWN_APPLICATION_NAME } from "./pg-activity";

/** The admin pages and routes that use the process's caches: the HeyGen catalogue, the account, the credentials. */
const ADMIN_PATHS = [
  "/admin",
  "/admin/presenters",
  "/admin/overview",
  "/admin/settings",
  "/admin/videos",
  "/admin/batches",
  "/api/admin/catalogue/looks",
  "/api/admin/catalogue/voices",
  "/api/admin/overview",
  "/api/admin/settings",
];

type Target = { appUrl: string; databaseUrl: string; adminPassword: string; browser: Browser };

async function ok(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response;
}

const json = (body: unknown, cookie?: string) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...(cookie && { cookie }) },
  body: JSON.stringify(body),
});

/**
 * What one process serves at once in normal use, every part that holds a connection or a cache exercised: an admin
 * logs in (the login limiter), makes a video (the HeyGen client, the pool), a viewer's browser watches it render
 * (the watch page, then its long-poll of the status API: the video cache and the LISTEN connection), another viewer
 * long-polls the API directly, the admin opens every page and route that uses the catalogue, the account and the
 * credentials, and triggers a batch that the queue worker submits (pg-boss). Returns what to close afterwards;
 * the watch page and the long-poll stay open until then.
 */
export async function exerciseApp({ appUrl, databaseUrl, adminPassword, browser }: Target) {
  const login = await ok(await fetch(`${appUrl}/api/admin/login`, json({ password: adminPassword })), "login");
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;

  const input = {
    title: "Connections",
    script: "Counting connections.",
    avatarId: fakeLooks[0]!.id,
    voiceId: fakeVoices[0]!.voice_id,
    aspectRatio: "16:9",
    resolution: "720p",
  };
  const created = await ok(await fetch(`${appUrl}/api/videos`, json(input, cookie)), "POST /api/videos");
  const { id } = (await created.json()) as { id: string };

  const page = await browser.newPage();
  await page.goto(`${appUrl}/videos/${id}`);
  // The player's own long-poll: its first `?wait=` request is on its way.
  await page.waitForRequest((request) => request.url().includes(`/api/videos/${id}?`) && /wait=/.test(request.url()));

  const etag = (await ok(await fetch(`${appUrl}/api/videos/${id}`), "GET /api/videos/[id]")).headers.get("etag")!;
  const stopPolling = new AbortController();
  const longPoll = fetch(`${appUrl}/api/videos/${id}?wait=25`, {
    headers: { "if-none-match": etag },
    signal: stopPolling.signal,
  }).catch(() => undefined);

  for (const path of ADMIN_PATHS) await ok(await fetch(`${appUrl}${path}`, { headers: { cookie } }), `GET ${path}`);

  await triggerBatch(appUrl, databaseUrl, cookie);
  return async () => {
    stopPolling.abort();
    await longPoll;
    await page.close();
  };
}

/** One presenter and one script, batched through the API; resolves once the worker has submitted the item. */
async function triggerBatch(appUrl: string, databaseUrl: string, cookie: string): Promise<void> {
  const tag = `connections-${randomBytes(3).toString("hex")}`;
  const month = "2032-01";
  const client = new pg.Client({ connectionString: databaseUrl, application_name: OWN_APPLICATION_NAME });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, tags, "updatedAt")
       VALUES ($1, $2, $3, '16:9', '720p', $4, now())`,
      [randomUUID(), `Presenter ${tag}`, fakeLooks[1]!.id, [tag]],
    );
    await client.query(
      `INSERT INTO "PlanScript" (id, date, title, script, tag, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
      [randomUUID(), `${month}-01`, `Batch ${tag}`, "Good morning.", tag],
    );
    await ok(await fetch(`${appUrl}/api/admin/batches`, json({ month, tag }, cookie)), "POST /api/admin/batches");
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { rows } = await client.query(`SELECT 1 FROM "BatchItem" WHERE "submittedAt" IS NOT NULL`);
      if (rows.length > 0) return;
      if (Date.now() > deadline) throw new Error("the queue worker did not submit the batch's item within 30 s");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.end();
  }
}
