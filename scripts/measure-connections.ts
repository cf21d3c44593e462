/**
 * `npm run measure:connections [-- --no-build]`: how many PostgreSQL connections one `next start` process holds, by
 * kind (the app's pool, the LISTEN connection, the login limiter's pool, pg-boss), and how many pools and clients of
 * each kind the process made, while the watch page, the long-polled status API, the admin pages and the queue worker
 * all run (issue 14, point 4). Also how often HeyGen was asked for the catalogue and the account: one cache per
 * process asks once. docs/performance.md says how it measures. Exits 0 with the figures, 1 when something broke.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { http } from "msw";
import { applyMigrations } from "./db/schema-engine";
import { launchChromium } from "./lib/chromium";
import { createCleanup } from "./lib/cleanup";
import { exerciseApp } from "./lib/connections/exercise";
import { sampleActivity, summarize } from "./lib/connections/pg-activity";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { startApp } from "./lib/start-app";
import { appProblems } from "./lib/webhook-load-stack";
import { formatCounts } from "./lib/http-load";
import { startFakeHeygenServer } from "../src/mocks/heygen/http-server";

const root = path.resolve(import.meta.dirname, "..");
const PRELOAD = path.join(root, "scripts/lib/tag-pg-connections.cjs");
const API_KEY = "connections-heygen-key";
const ADMIN_PASSWORD = "connections-admin-password";
/** After the exercise, how long the counts keep being sampled: the worker's polling and the timers keep running. */
const SETTLE_MS = 3_000;

function build(): Promise<void> {
  console.log("Building (next build)…");
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

const cleanup = createCleanup("measure-connections");

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "no-build": { type: "boolean" } } });
  if (!values["no-build"]) await build();
  else if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.error(
      "measure-connections: no production build (.next/BUILD_ID): drop --no-build, or run `npm run build`.",
    );
    return 2;
  }

  const database = await startEmbeddedPostgres({ persistent: false });
  cleanup.add(database.stop);
  await applyMigrations(database.url);
  // Videos keep rendering for the whole run (the watch page keeps long-polling); no webhook is delivered.
  const heygen = await startFakeHeygenServer({ apiKey: API_KEY, renderMs: 600_000, deliverWebhooks: false });
  cleanup.add(heygen.close);
  const heygenCalls = new Map<string, number>();
  heygen.use(
    http.all("*", ({ request }) => {
      const call = `${request.method} ${new URL(request.url).pathname}`;
      heygenCalls.set(call, (heygenCalls.get(call) ?? 0) + 1);
    }),
  );

  const sampling = await sampleActivity(database.url);
  const app = await startApp({
    DATABASE_URL: database.url,
    HEYGEN_API_URL: heygen.url,
    HEYGEN_API_KEY: API_KEY,
    HEYGEN_SECRET: `whsec_${randomBytes(16).toString("hex")}`,
    ADMIN_PASSWORD,
    SESSION_SECRET: randomBytes(32).toString("hex"),
    QUEUE_WORKER: "on",
    LOG_LEVEL: "warn",
    // Quoted: NODE_OPTIONS splits on spaces, and the checkout may have one in its path.
    NODE_OPTIONS: `--require "${PRELOAD}"`,
  });
  cleanup.add(app.stop);
  const browser = await launchChromium({ closeOnSignals: false });
  cleanup.add(() => browser.close());

  const close = await exerciseApp({
    appUrl: app.url,
    databaseUrl: database.url,
    adminPassword: ADMIN_PASSWORD,
    browser,
  });
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const openNow = await sampling.stop();
  await close();

  const { kinds, processes, peak } = summarize(sampling.activity);
  console.log(
    `\nnext start (pid ${app.pid}): PostgreSQL connections of ${processes.length} process(es): ${processes.join(", ")}`,
  );
  console.log(
    `${sampling.activity.samples.length} samples of pg_stat_activity, one every 200 ms; at most ${peak} connections open at once\n`,
  );
  console.table(
    kinds.map((row) => ({
      kind: row.kind,
      "pg objects made": row.instances,
      "open at most": row.peak,
      "opened in all": row.opened,
      "open at the end": row.atEnd,
    })),
  );
  console.log("\nConnections open at the end:");
  console.table(
    openNow.map(({ pid, kind, applicationName, state, query }) => ({
      pid,
      kind,
      applicationName,
      state,
      query: query.slice(0, 60),
    })),
  );
  console.log("\nHeyGen calls:");
  console.table([...heygenCalls].map(([call, count]) => ({ call, count })));
  const problems = appProblems(app.output());
  if (problems.size) console.log(`app warnings and errors: ${formatCounts(problems)}`);
  return 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  if (!cleanup.interrupted)
    console.error(`measure-connections: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanup.stopAll();
}
process.exit(exitCode);
