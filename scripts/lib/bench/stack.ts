/**
 * What `npm run bench` measures: `next start` of the production build with a throwaway PostgreSQL that records
 * every statement (pg_stat_statements) and the fake HeyGen over HTTP, in the shape of load:webhooks' stack.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../db/schema-engine";
import { startEmbeddedPostgres } from "../embedded-postgres";
import { startApp } from "../start-app";
import type { Stack } from "../webhook-load-stack";
import { startFakeHeygenServer } from "../../../src/mocks/heygen/http-server";

export const API_KEY = "bench-heygen-key";

/**
 * Videos stay "rendering" until the bench posts their webhook: HeyGen has long finished them (the fake renders at
 * once, so that its success event and media exist), and reconciliation, which would find that out, is pushed past
 * the end of the run.
 */
const RECONCILE_AFTER_SECONDS = "3600";

/**
 * `cpuProfileDir`: the app writes its CPU profile there (node --cpu-prof) when it stops. `mediaDir`: its local media
 * storage (MEDIA_DIR), where the media section writes a stored MP4.
 */
export async function startBenchStack(
  videos: number,
  onStarted: (stop: () => Promise<void>) => void,
  { cpuProfileDir, mediaDir }: { cpuProfileDir?: string; mediaDir: string },
): Promise<Stack> {
  const database = await startEmbeddedPostgres({
    persistent: false,
    settings: ["shared_preload_libraries=pg_stat_statements"],
  });
  onStarted(database.stop);
  await applyMigrations(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").finally(() => client.end());

  const heygen = await startFakeHeygenServer({
    apiKey: API_KEY,
    renderMs: 0,
    deliverWebhooks: false,
    initialCredits: videos,
  });
  onStarted(heygen.close);
  const secret = `whsec_bench_${randomBytes(16).toString("hex")}`;
  const app = await startApp(
    {
      DATABASE_URL: database.url,
      HEYGEN_API_URL: heygen.url,
      HEYGEN_API_KEY: API_KEY,
      HEYGEN_SECRET: secret,
      ADMIN_PASSWORD: "bench-admin-password",
      SESSION_SECRET: randomBytes(32).toString("hex"),
      RECONCILE_AFTER_SECONDS,
      // Production logs a line per request at info: left out, as load:webhooks does, so the bench measures the app.
      LOG_LEVEL: "warn",
      MEDIA_STORAGE: "local",
      MEDIA_DIR: mediaDir,
    },
    { nodeFlags: cpuProfileDir ? ["--cpu-prof", "--cpu-prof-dir", cpuProfileDir] : [] },
  );
  onStarted(app.stop);
  const postgresPid =
    Number(readFileSync(path.join(database.dataDir, "postmaster.pid"), "utf8").split("\n")[0]) || undefined;
  return { databaseUrl: database.url, postgresPid, heygen, app, secret };
}
