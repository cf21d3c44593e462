/**
 * `npm run bench [-- --no-build --seconds 10 --viewers 8 --rounds 3 --only status|ingest|viewers|js|copy|media --cpu-prof dir]`:
 * issue 7's figures, measured in one run on one machine, then one table against their targets. A measurement: it
 * exits 0 whether or not a target is met, 1 when something broke, 2 on bad usage or a missing tool.
 *
 * Builds (unless --no-build), starts a throwaway PostgreSQL with pg_stat_statements, the fake HeyGen over HTTP and
 * `next start`, then: the status route under wrk next to a trivial route; webhook ingest next to the same route
 * (--rounds rounds, their median compared with the target); viewers in Chromium (requests while rendering,
 * webhook → canplay); the watch page's first-load JavaScript; the RSS a 1 GiB media copy adds (no stack needed); a 1
 * MiB range of a stored MP4 through the media route next to sirv serving the same file (issue 17). With --cpu-prof,
 * the app writes its CPU profile
 * (node --cpu-prof) to that directory as it stops, and each ingest run says where it lies on the app's timeline.
 * docs/performance.md says what each figure means. Everything it started is stopped on every way out, Ctrl-C included.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { measureCopyMemory } from "./lib/bench/copy-memory";
import { measureFirstLoadJs } from "./lib/bench/first-load-js";
import { INGEST_DELIVERIES, INGEST_ROUNDS, measureWebhookIngest } from "./lib/bench/ingest";
import { measureMediaRange } from "./lib/bench/media-route";
import { startBenchStack } from "./lib/bench/stack";
import { measureStatusRoute } from "./lib/bench/status-route";
import { formatTargets, targetRows, type Figures } from "./lib/bench/targets";
import { measureViewers } from "./lib/bench/viewers";
import { wrkInstalled } from "./lib/bench/wrk";
import { launchChromium } from "./lib/chromium";
import { createCleanup } from "./lib/cleanup";
import { formatCounts } from "./lib/http-load";
import { appProblems, type Stack } from "./lib/webhook-load-stack";

const root = path.resolve(import.meta.dirname, "..");
const SECTIONS = ["status", "ingest", "viewers", "js", "copy", "media"] as const;
type Section = (typeof SECTIONS)[number];

function usage(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      "no-build": { type: "boolean" },
      seconds: { type: "string" },
      viewers: { type: "string" },
      rounds: { type: "string" },
      only: { type: "string" },
      "cpu-prof": { type: "string" },
    },
  });
  const positive = (name: string, raw: string) => {
    const value = Number(raw);
    return Number.isInteger(value) && value > 0 ? value : usage(`--${name} must be a positive integer, got "${raw}"`);
  };
  const only = values.only as Section | undefined;
  if (only !== undefined && !SECTIONS.includes(only))
    usage(`--only must be one of ${SECTIONS.join(", ")}, got "${only}"`);
  return {
    build: !values["no-build"],
    seconds: positive("seconds", values.seconds ?? "10"),
    viewers: positive("viewers", values.viewers ?? "8"),
    rounds: positive("rounds", values.rounds ?? String(INGEST_ROUNDS)),
    cpuProfileDir: values["cpu-prof"] && path.resolve(values["cpu-prof"]),
    runs: (section: Section) => only === undefined || only === section,
    onlyCopy: only === "copy",
  };
}

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

const cleanup = createCleanup("bench");
/** Set once everything runs: a failure after that is explained by the app's own log. */
let started: Stack | undefined;

async function main(): Promise<number> {
  const options = readOptions();
  if ((options.runs("status") || options.runs("media")) && !wrkInstalled()) {
    console.error(
      "bench: wrk is not installed. On Debian or Ubuntu: sudo apt-get install wrk (or pass --only ingest|viewers|js).",
    );
    return 2;
  }
  const startedAt = performance.now();
  const figures: Figures = {};
  // The copy needs no build, database or app: it runs first, on an idle machine.
  if (options.runs("copy")) {
    console.log("Copying a 1 GiB file with the app's media copy…");
    figures.copyMemory = await measureCopyMemory();
  }
  if (options.onlyCopy) return report(figures, startedAt);
  if (options.build) await build();
  else if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.error("bench: no production build (.next/BUILD_ID): drop --no-build, or run `npm run build` first.");
    return 2;
  }

  console.log("Starting PostgreSQL (pg_stat_statements), the fake HeyGen and next start…");
  const videos = INGEST_DELIVERIES * options.rounds + options.viewers + 3;
  const mediaDir = await mkdtemp(path.join(os.tmpdir(), "bench-media-"));
  cleanup.add(() => rm(mediaDir, { recursive: true, force: true }));
  const stack = (started = await startBenchStack(videos, cleanup.add, {
    cpuProfileDir: options.cpuProfileDir,
    mediaDir,
  }));
  if (options.runs("status")) figures.status = await measureStatusRoute(stack, options.seconds);
  if (options.runs("ingest"))
    figures.ingest = await measureWebhookIngest(stack, {
      rounds: options.rounds,
      profiled: options.cpuProfileDir !== undefined,
    });
  if (options.runs("media")) figures.media = await measureMediaRange(stack, mediaDir, options.seconds);
  if (options.runs("viewers") || options.runs("js")) {
    const browser: Browser = await launchChromium({ closeOnSignals: false });
    cleanup.add(() => browser.close());
    if (options.runs("viewers")) figures.viewers = await measureViewers(stack, browser, options.viewers);
    if (options.runs("js")) figures.firstLoad = await measureFirstLoadJs(stack, browser);
  }
  report(figures, startedAt);
  const problems = appProblems(stack.app.output());
  if (problems.size) console.log(`app warnings and errors: ${formatCounts(problems)}`);
  if (options.cpuProfileDir) console.log(`The app's CPU profile goes to ${options.cpuProfileDir} as it stops.`);
  return 0;
}

function report(figures: Figures, startedAt: number): number {
  const minutes = ((performance.now() - startedAt) / 60_000).toFixed(1);
  console.log(
    `\nTargets (issues 7, 17), one run on this machine, measured in ${minutes} min\n\n${formatTargets(targetRows(figures))}\n`,
  );
  return 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  if (!cleanup.interrupted) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    if (started) console.error(`app warnings and errors: ${formatCounts(appProblems(started.app.output()))}`);
  }
} finally {
  await cleanup.stopAll();
}
// After a signal, its handler (first in line for the same stopAll()) has already exited with 130 or 143.
process.exit(exitCode);
