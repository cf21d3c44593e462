import { cpuShares, cpuSnapshot, printBlock } from "../http-load";
import type { Stack } from "../webhook-load-stack";
import { percent } from "./format";
import { countStatements } from "./statements";
import { createRenderingVideos } from "./videos";
import { completeVideo, waitForRenderDetails } from "./webhooks";
import { runWrk, type WrkResult } from "./wrk";

/** A crowd of pollers: wrk's keep-alive connections, each sending its next request as soon as it has an answer. */
const CONNECTIONS = 64;
const WARM_UP_SECONDS = 2;
export const TRIVIAL_ROUTE = "/api/health/live";

export type RouteRun = WrkResult & { statements: number };
export type StatusFigures = { trivial: RouteRun; rendering: RouteRun; finished: RouteRun };

/**
 * GET /api/videos/[id] of a video still rendering and of a finished one, next to the trivial route of the same
 * build, back to back: plain GETs (no If-None-Match, no ?wait), each answered with the whole video.
 */
export async function measureStatusRoute(stack: Stack, seconds: number): Promise<StatusFigures> {
  const [rendering, finished] = await createRenderingVideos(stack, 2);
  await completeVideo(stack, finished!);
  await waitForRenderDetails(stack, [finished!.id], 10_000);

  const trivial = await measureRoute(stack, TRIVIAL_ROUTE, seconds, null);
  const renderingRun = await measureRoute(stack, `/api/videos/${rendering!.id}`, seconds, "PROCESSING");
  const finishedRun = await measureRoute(stack, `/api/videos/${finished!.id}`, seconds, "COMPLETED");
  return { trivial, rendering: renderingRun, finished: finishedRun };
}

async function measureRoute(stack: Stack, path: string, seconds: number, status: string | null): Promise<RouteRun> {
  const url = `${stack.app.url}${path}`;
  const probe = await fetch(url);
  const body = (await probe.json().catch(() => ({}))) as { status?: string };
  if (probe.status !== 200 || (status && body.status !== status)) {
    throw new Error(
      `GET ${path} answered ${probe.status} ${JSON.stringify(body).slice(0, 200)}, expected 200${status ? ` ${status}` : ""} (a build older than this script? drop --no-build)`,
    );
  }
  await runWrk(url, CONNECTIONS, WARM_UP_SECONDS);
  const cpuBefore = cpuSnapshot();
  const { result, statements } = await countStatements(stack.databaseUrl, () => runWrk(url, CONNECTIONS, seconds));
  const cpu = cpuShares(cpuBefore, cpuSnapshot(), {
    app: stack.app.pid,
    postgres: stack.postgresPid,
    "bench (wrk)": process.pid,
  });
  printBlock(`GET ${path}${status ? ` (${status})` : ""}: ${CONNECTIONS} connections, ${seconds} s (wrk)`, [
    ["throughput", `${result.requestsPerSecond.toFixed(0)} req/s (${result.requests} requests)`],
    ["latency p99", `${result.p99Ms.toFixed(1)} ms`],
    ["statements", `${statements} in PostgreSQL: ${percent(statements / result.requests)} of requests`],
    ["errors", `non-2xx/3xx ${result.non2xx}, socket errors ${result.socketErrors}`],
    ["cpu", cpu],
  ]);
  return { ...result, statements };
}
