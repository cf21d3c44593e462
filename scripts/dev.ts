/**
 * `npm run dev`: the whole product on one machine with nothing configured.
 *
 * - no DATABASE_URL  → an embedded PostgreSQL in .data/postgres (kept between runs), migrated on start;
 * - no HEYGEN_API_KEY → the offline fake HeyGen, which renders in a few seconds and calls back, signed;
 * - no ENCRYPTION_KEY → one made once and kept in .data/encryption-key (Settings encrypts what it saves with it);
 * - then `next dev`, with every value the app needs, on 127.0.0.1 unless HOST names another address. Reachable
 *   from the network only with your own ADMIN_PASSWORD and SESSION_SECRET (it refuses to start otherwise), and with a
 *   real HEYGEN_API_KEY and no SESSION_SECRET, a random secret for this run: nobody may forge a session with the
 *   published one.
 * Values from the shell or from .env / .env.local win; only what is missing gets a stand-in.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import nextEnv from "@next/env";
import { applyMigrations } from "./db/schema-engine";
import { devListen, exposureRefusal } from "./lib/dev-host";
import { EmbeddedPostgresStartError, reachableDataDir, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { FAKE_MARKERS } from "../src/mocks/heygen/markers";
import { DEV_ADMIN_PASSWORD, DEV_SESSION_SECRET } from "../src/server/dev-defaults";
import { startFakeHeygenServer } from "../src/mocks/heygen/http-server";

const root = path.resolve(import.meta.dirname, "..");
nextEnv.loadEnvConfig(root, true);
const env = process.env;

const port = Number(env.PORT ?? 3000);
// The app builds its links from APP_URL, else from http://localhost:<PORT> (src/server/http/public-origin.ts).
env.PORT = String(port);
// Decided before the fake fills in HEYGEN_API_KEY below.
const realHeygen = Boolean(env.HEYGEN_API_KEY);
const stopping: Array<() => Promise<void>> = [];
const notes: string[] = [];

env.ADMIN_PASSWORD ??= DEV_ADMIN_PASSWORD;
if (realHeygen && !env.SESSION_SECRET) {
  // Nobody can forge a session with a published secret: a new one each run (sessions end at restart).
  env.SESSION_SECRET = randomBytes(32).toString("hex");
  notes.push("session      random SESSION_SECRET for this run (set your own to keep sessions across restarts)");
} else {
  // Dev-only and fixed, so sessions survive restarts; production refuses it.
  env.SESSION_SECRET ??= DEV_SESSION_SECRET;
}

// Decided before anything starts: a refused HOST leaves nothing running.
const listen = devListen(env.HOST, port);
const refusal = exposureRefusal(listen, { adminPassword: env.ADMIN_PASSWORD, sessionSecret: env.SESSION_SECRET });
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
const { origin } = listen;
notes.push(
  listen.exposed
    ? `network      listening on ${listen.hostname} (HOST): reachable from other machines`
    : `network      listening on ${listen.hostname} only; HOST=0.0.0.0 (with your own password and secret) opens it`,
);

if (!env.DATABASE_URL) {
  // As root, PostgreSQL runs as the postgres user: a checkout that user cannot enter keeps its data elsewhere.
  const { dataDir, note } = await reachableDataDir(path.join(root, ".data/postgres"));
  const postgres = await startEmbeddedPostgres({ persistent: true, dataDir }).catch((error: unknown) => {
    if (!(error instanceof EmbeddedPostgresStartError)) throw error;
    console.error(error.message);
    process.exit(1);
  });
  stopping.push(postgres.stop);
  env.DATABASE_URL = postgres.url;
  notes.push(`database     embedded PostgreSQL, ${postgres.url} (data in ${note ? dataDir : ".data/postgres"})`);
  if (note) notes.push(`             ${note}`);
} else {
  notes.push("database     DATABASE_URL from your environment");
}

const applied = await applyMigrations(env.DATABASE_URL);
notes.push(`migrations   ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);

if (!env.HEYGEN_API_KEY) {
  // Read by the app at run time (never inlined by the build): HeyGen's callback_url and Secure cookies. The fake
  // reaches this machine; real HeyGen never does, so with a real key APP_URL stays whatever you set.
  env.APP_URL ??= origin;
  const apiKey = "fake-heygen-key";
  const webhookSecret = `whsec_${randomBytes(24).toString("hex")}`;
  const renderMs = Number(env.FAKE_HEYGEN_RENDER_MS ?? 8_000);
  // The app's callback URL starts out registered as a v3 webhook endpoint (as `npm run heygen:webhook` would do
  // with a real account): the fake signs its deliveries with this secret.
  const endpoint = { url: new URL("/api/heygen/callback", env.APP_URL).href, secret: webhookSecret };
  const fakeOptions = {
    apiKey,
    renderMs,
    endpoints: [endpoint],
    log: (line: string) => console.log(`[fake-heygen] ${line}`),
  };
  // A fixed port keeps the media URLs of earlier videos working across restarts (they are signed with the key).
  const fake = await startFakeHeygenServer({ ...fakeOptions, port: Number(env.FAKE_HEYGEN_PORT ?? 4010) }).catch(() =>
    startFakeHeygenServer(fakeOptions),
  );
  stopping.push(fake.close);
  Object.assign(env, {
    HEYGEN_API_URL: fake.url,
    HEYGEN_API_KEY: apiKey,
    HEYGEN_SECRET: webhookSecret,
  });
  notes.push(`heygen       offline fake (v3 API) at ${fake.url}, renders in ${renderMs / 1000} s`);
  notes.push(`             script markers: ${Object.values(FAKE_MARKERS).join(" ")} (see README)`);
} else {
  notes.push(`heygen       real API at ${env.HEYGEN_API_URL ?? "https://api.heygen.com"}`);
  if (!env.APP_URL?.startsWith("https:")) {
    notes.push('             no https APP_URL: HeyGen cannot call back (see README, "Using a real HeyGen account")');
  }
}

if (!env.ENCRYPTION_KEY) {
  // Settings stores secrets encrypted: a key made once and kept beside the embedded database, so that what was saved
  // in Settings stays readable across restarts.
  const keyFile = path.join(root, ".data/encryption-key");
  env.ENCRYPTION_KEY = (await readFile(keyFile, "utf8").catch(() => null))?.trim() || randomBytes(32).toString("hex");
  await mkdir(path.dirname(keyFile), { recursive: true });
  await writeFile(keyFile, env.ENCRYPTION_KEY, { mode: 0o600 });
  notes.push("settings     saved secrets encrypted with a development ENCRYPTION_KEY (.data/encryption-key)");
}

console.log(
  [
    "",
    `  Avatar Studio  →  ${origin}`,
    // Only the published development password is shown: one you set yourself stays off the console.
    `  Admin          →  ${origin}/admin  (password: ${env.ADMIN_PASSWORD === DEV_ADMIN_PASSWORD ? DEV_ADMIN_PASSWORD : "your ADMIN_PASSWORD"})`,
    "",
    ...notes.map((note) => `  ${note}`),
    "",
  ].join("\n"),
);

const nextArgs = ["dev", "--port", String(port), "--hostname", listen.hostname];
const next = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), ...nextArgs], {
  cwd: root,
  env,
  stdio: "inherit",
});

// `next dev` compiles a route on its first request. HeyGen's webhook (the fake's, 10 s timeout) must not be that
// first request: under load the compile outlasts it and the first video waits for reconciliation instead. Asking
// for the callback route once Next listens compiles it (its GET and POST share one module) before any video exists.
void warmCallbackRoute(new URL("/api/heygen/callback", origin).href);

async function warmCallbackRoute(url: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(120_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function shutdown(code: number) {
  for (const stop of stopping.reverse()) await stop().catch(() => {});
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => next.kill(signal));
}
next.on("exit", (code) => void shutdown(code ?? 0));
