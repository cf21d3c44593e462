import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startFakeHeygenServer } from "../../src/mocks/heygen/http-server";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { findFreePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    adminPassword: string;
    renderMs: number;
  }
}

const root = path.resolve(import.meta.dirname, "../..");
const ADMIN_PASSWORD = "e2e-admin-password";
const RENDER_MS = 3_000;

/**
 * The production build (`next start`) on real HTTP, with a throwaway PostgreSQL and the fake HeyGen
 * as a separate HTTP server: the app only knows HeyGen through HEYGEN_API_URL, as in production.
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

    const webhookSecret = "e2e-webhook-secret";
    const heygen = await startFakeHeygenServer({ apiKey: "e2e-heygen-key", webhookSecret, renderMs: RENDER_MS });
    stops.push(heygen.close);

    const port = await findFreePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const app = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(port)], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: database.url,
        HEYGEN_API_URL: heygen.url,
        HEYGEN_API_KEY: "e2e-heygen-key",
        HEYGEN_SECRET: webhookSecret,
        NEXT_PUBLIC_APP_URL: appUrl,
        ADMIN_PASSWORD,
        SESSION_SECRET: "e2e-session-secret-at-least-32-characters",
      },
    });
    stops.push(() => stopProcess(app));
    await waitUntilServing(appUrl, app);

    project.provide("appUrl", appUrl);
    project.provide("adminPassword", ADMIN_PASSWORD);
    project.provide("renderMs", RENDER_MS);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

async function waitUntilServing(url: string, app: ChildProcess): Promise<void> {
  let output = "";
  app.stdout?.on("data", (chunk) => (output += chunk));
  app.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`next start exited (${app.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/api/heygen/callback`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not answer within 30 s:\n${output}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
