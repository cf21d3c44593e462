import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fakeLooks } from "../../src/mocks/heygen/fake-heygen";
import { startFakeHeygenServer, type FakeHeygenServer } from "../../src/mocks/heygen/http-server";
import { findFreePort } from "../../scripts/lib/embedded-postgres";
import { waitFor } from "../support/wait-for";
import { startApp, type RunningApp } from "./app";
import { launchChromium } from "./browser";

const PASSWORD = "deployment-test-password";
const base = {
  DATABASE_URL: inject("e2eDatabaseUrl"),
  HEYGEN_API_KEY: "deploy-key",
  HEYGEN_SECRET: "whsec_deploy",
  ADMIN_PASSWORD: PASSWORD,
  SESSION_SECRET: "deployment-session-secret-of-32-chars-min",
};

const apps: RunningApp[] = [];
let heygen: FakeHeygenServer;
let browser: Browser;
let db: pg.Client;
beforeAll(async () => {
  heygen = await startFakeHeygenServer({ apiKey: base.HEYGEN_API_KEY, renderMs: 60_000 });
  browser = await launchChromium();
  db = new pg.Client({ connectionString: base.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await heygen?.close();
  await browser?.close();
  await db?.end();
});

async function start(env: Record<string, string>) {
  const app = await startApp({ ...base, ...env });
  apps.push(app);
  return app;
}

async function loginCookie(appUrl: string) {
  const response = await fetch(`${appUrl}/api/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password: PASSWORD }),
  });
  return { cookie: response.headers.get("set-cookie")!.split(";")[0]!, setCookie: response.headers.get("set-cookie")! };
}

describe("one build, configured at run time", () => {
  it("sends each deployment's own APP_URL as HeyGen's callback_url, and makes its cookie Secure when https", async () => {
    const deployments = ["http://first.example.test", "https://second.example.test"];
    for (const appUrl of deployments) {
      const app = await start({ HEYGEN_API_URL: heygen.url, APP_URL: appUrl });
      const { cookie, setCookie } = await loginCookie(app.url);
      expect(/;\s*Secure/i.test(setCookie)).toBe(appUrl.startsWith("https:"));
      const response = await fetch(`${app.url}/api/videos`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({
          title: appUrl,
          script: "Hello",
          avatarId: fakeLooks[0]!.id,
          aspectRatio: "16:9",
          resolution: "720p",
        }),
      });
      expect(response.status).toBe(201);
    }
    const callbackUrls = [...heygen.fake.jobs.values()].map((job) => [job.title, job.callbackUrl]);
    expect(callbackUrls).toEqual(deployments.map((url) => [url, `${url}/api/heygen/callback`]));
  });

  it("with webhooks switched off, a video completes by itself within the reconciliation interval", async () => {
    const silent = await startFakeHeygenServer({ apiKey: base.HEYGEN_API_KEY, renderMs: 500, deliverWebhooks: false });
    try {
      const reconcileAfterSeconds = 2;
      const app = await start({ HEYGEN_API_URL: silent.url, RECONCILE_AFTER_SECONDS: String(reconcileAfterSeconds) });
      const { cookie } = await loginCookie(app.url);
      const created = await fetch(`${app.url}/api/videos`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({
          title: "No webhook",
          script: "Hello",
          avatarId: fakeLooks[0]!.id,
          aspectRatio: "16:9",
          resolution: "720p",
        }),
      });
      const { id } = await created.json();
      // Nobody asks the app meanwhile (reading the video through it would make it check HeyGen): only the server's own
      // timer can finish it. Watched in the database and the server's log, which set nothing off.
      const finished = async () => ({
        ...(await db.query(`SELECT status, duration FROM "Video" WHERE id = $1`, [id])).rows[0],
        reconciled: app.output().includes("reconciled with HeyGen"),
      });
      // Completed, then its render details (the length) fetched right after, as a webhook's completion would be.
      const seen = await waitFor(
        finished,
        (now) => now.status === "COMPLETED" && now.duration !== null && now.reconciled,
        3 * reconcileAfterSeconds * 1000, // as long as the test used to sleep
      );
      expect(seen).toEqual({ status: "COMPLETED", duration: 5, reconciled: true });
      const video = await (await fetch(`${app.url}/api/videos/${id}`)).json();
      expect(video).toMatchObject({ status: "COMPLETED", duration: 5 });
      expect(app.output()).toContain("reconciled with HeyGen");
    } finally {
      await silent.close();
    }
  }, 30_000);

  it("tells the admin plainly when HeyGen cannot be reached, instead of an empty form", async () => {
    const closedPort = await findFreePort();
    const app = await start({ HEYGEN_API_URL: `http://127.0.0.1:${closedPort}` });
    const context = await browser.newContext();
    const { cookie } = await loginCookie(app.url);
    const [name, ...value] = cookie.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: app.url }]);
    const page = await context.newPage();
    await page.goto(`${app.url}/admin`);
    const alert = page.getByRole("alert").filter({ hasText: "HeyGen could not be reached" });
    await alert.waitFor();
    expect(await page.locator("input[name=avatarId]").getAttribute("placeholder")).toBe("HeyGen look id");
    await context.close();
  });
});
