import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { findFreePort } from "../../scripts/lib/embedded-postgres";
import { startFakeHeygenServer } from "../../src/mocks/heygen/http-server";
import { startApp } from "./app";
import { SESSION_SECRET } from "./global-setup";
import { createDatabase } from "./viewer-stack";

const API_KEY = "own-app-e2e-key";
const HEYGEN_SECRET = "whsec_own-app-e2e";

/**
 * The build started with a database and a fake HeyGen of its own (it renders in 1 s and posts signed webhooks to this
 * app), able to keep secrets (ENCRYPTION_KEY) and to deliver outgoing webhooks to this machine: for tests whose
 * videos, endpoints or settings must not meet the shared app's. `env` adds to (or overrides) its settings.
 */
export async function startOwnApp(env: Record<string, string> = {}) {
  const port = await findFreePort();
  const heygen = await startFakeHeygenServer({
    apiKey: API_KEY,
    renderMs: 1_000,
    endpoints: [{ url: `http://127.0.0.1:${port}/api/heygen/callback`, secret: HEYGEN_SECRET }],
  });
  const databaseUrl = await createDatabase();
  const app = await startApp(
    {
      DATABASE_URL: databaseUrl,
      HEYGEN_API_URL: heygen.url,
      HEYGEN_API_KEY: API_KEY,
      HEYGEN_SECRET,
      ADMIN_PASSWORD: inject("adminPassword"),
      SESSION_SECRET,
      ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      ALLOW_PRIVATE_WEBHOOK_URLS: "true",
      ...env,
    },
    { port },
  ).catch(async (error) => {
    await heygen.close();
    throw error;
  });
  return {
    app,
    databaseUrl,
    /** The fake HeyGen's own API (what HeyGen was asked to make): its URL and the key it takes. */
    heygen: { url: heygen.url, apiKey: API_KEY },
    async stop() {
      await app.stop();
      await heygen.close();
    },
  };
}
