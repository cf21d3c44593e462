import { existsSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startFakeHeygenServer } from "../../src/mocks/heygen/http-server";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { findFreePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { startApp } from "./app";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    adminPassword: string;
    renderMs: number;
    /** The throwaway database, for tests that start more app instances of the same build. */
    e2eDatabaseUrl: string;
    /** The fake HeyGen the app talks to, and its key: tests read its records through its own API. */
    heygenUrl: string;
    heygenApiKey: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");
export const ADMIN_PASSWORD = "e2e-admin-password";
export const SESSION_SECRET = "e2e-session-secret-at-least-32-characters";
const RENDER_MS = 3_000;
const API_KEY = "e2e-heygen-key";

/**
 * The production build (`next start`) on real HTTP, with a throwaway PostgreSQL and the fake HeyGen as a separate
 * HTTP server: the app only knows HeyGen through HEYGEN_API_URL, as in production. Its callback URL is registered
 * with the fake as a v3 webhook endpoint, as `npm run heygen:webhook` does with a real account.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    throw new Error("The e2e tests run the production build: run `npm run build` first.");
  }
  const stops: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };

  try {
    const database = await startEmbeddedPostgres({ persistent: false });
    stops.push(database.stop);
    await applyMigrations(database.url);

    const webhookSecret = "whsec_e2e-webhook-secret";
    const port = await findFreePort();
    const heygen = await startFakeHeygenServer({
      apiKey: API_KEY,
      renderMs: RENDER_MS,
      endpoints: [{ url: `http://127.0.0.1:${port}/api/heygen/callback`, secret: webhookSecret }],
    });
    stops.push(heygen.close);
    // A worker killed mid-job is taken over after 10 s (the default 60 s would only make the queue test wait).
    const env = {
      DATABASE_URL: database.url,
      HEYGEN_API_URL: heygen.url,
      HEYGEN_API_KEY: API_KEY,
      HEYGEN_SECRET: webhookSecret,
      QUEUE_JOB_TIMEOUT_SECONDS: "10",
    };
    const app = await startApp({ ...env, ADMIN_PASSWORD, SESSION_SECRET }, { port });
    stops.push(app.stop);

    project.provide("appUrl", app.url);
    project.provide("adminPassword", ADMIN_PASSWORD);
    project.provide("renderMs", RENDER_MS);
    project.provide("e2eDatabaseUrl", database.url);
    project.provide("heygenUrl", heygen.url);
    project.provide("heygenApiKey", API_KEY);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
