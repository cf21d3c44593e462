import { loadavg } from "node:os";
import {
  cpuShares,
  cpuSnapshot,
  printBlock,
  runLoad,
  summarize,
  summaryLines,
  type LoadRequest,
  type LoadSummary,
} from "../http-load";
import { countVideos, type Stack } from "../webhook-load-stack";
import { ratio, secondsOf } from "./format";
import { ingestVerdict, roundRatio, type IngestRound } from "./ingest-rounds";
import { TRIVIAL_ROUTE } from "./status-route";
import { createRenderingVideos } from "./videos";
import { signedDelivery, unknownVideoDelivery, waitForRenderDetails } from "./webhooks";

export const INGEST_DELIVERIES = 1000;
/** Three rounds, the median compared with the target: one round on a shared machine is one draw of its noise. */
export const INGEST_ROUNDS = 3;
const CONCURRENCY = 50;
/**
 * Warm-ups at the run's concurrency, twice over: each run starts with its 50 keep-alive connections open. Warmed at
 * 10, the trivial run (the first of a round) opened 40 connections as it went and the webhooks found them open,
 * which flattered the ratio.
 */
const WARM_UP_REQUESTS = 2 * CONCURRENCY;
/** How long the render details fetched after the answers may take to land before the next round or section. */
const AFTER_WORK_WAIT_MS = 30_000;

export type IngestFigures = { rounds: IngestRound[] };

/**
 * `rounds` rounds, each on 1,000 fresh videos HeyGen knows: 1,000 requests to the trivial route, then 1,000 signed v3
 * `avatar_video.success` deliveries, from the same Node load generator at the same concurrency, back to back, so that
 * each round's ratio compares like with like. Each round ends once the render details fetched after its answers have
 * landed, so that they weigh on neither the next round's trivial run nor its webhooks.
 */
export async function measureWebhookIngest(
  stack: Stack,
  { rounds = INGEST_ROUNDS, profiled = false }: { rounds?: number; profiled?: boolean } = {},
): Promise<IngestFigures> {
  const done: IngestRound[] = [];
  for (let index = 1; index <= rounds; index++) {
    done.push(await measureRound(stack, `round ${index} of ${rounds}`, profiled));
  }
  const { ratios, median, applied, delivered } = ingestVerdict(done);
  printBlock("Webhook ingest", [
    ...done.map((round, index): [string, string] => [
      `round ${index + 1}`,
      `${ratio(ratios[index]!)} (${round.webhook.throughput.toFixed(0)} ÷ ${round.trivial.throughput.toFixed(0)} req/s, webhook p99 ${secondsOf(round.webhook.latency.p99)})`,
    ]),
    ["median", `${ratio(median)} of the trivial route's req/s`],
    ["applied", `${applied} / ${delivered} videos COMPLETED in the database`],
  ]);
  return { rounds: done };
}

async function measureRound(stack: Stack, label: string, profiled: boolean): Promise<IngestRound> {
  const load = loadavg().map((value) => value.toFixed(2));
  const videos = await createRenderingVideos(stack, INGEST_DELIVERIES);
  const trivialRequest: LoadRequest = { url: `${stack.app.url}${TRIVIAL_ROUTE}`, init: {} };
  await warmUp(() => trivialRequest);
  await warmUp(() => unknownVideoDelivery(stack));

  const trivial = await measure(stack, `${label}, GET ${TRIVIAL_ROUTE}`, profiled, () => trivialRequest);
  const webhook = await measure(
    stack,
    `${label}, POST /api/heygen/callback (signed avatar_video.success)`,
    profiled,
    (index) => signedDelivery(stack, videos[index]!.body, videos[index]!.eventId),
  );
  const ids = videos.map((video) => video.id);
  const { completed: applied } = await countVideos(stack.databaseUrl, ids);
  const afterMs = await waitForRenderDetails(stack, ids, AFTER_WORK_WAIT_MS);
  const round = { trivial, webhook, applied };
  printBlock(`Webhook ingest, ${label}`, [
    ["ratio", `${ratio(roundRatio(round))} of the trivial route's req/s`],
    ["applied", `${applied} / ${INGEST_DELIVERIES} videos COMPLETED in the database`],
    ["after()", `render details landed ${(afterMs / 1000).toFixed(1)} s after the last answer`],
    ["load average", `${load.join(" ")} before the round (1, 5, 15 min)`],
  ]);
  return round;
}

/** The first requests load the route's code and open the app's database pool; they must succeed (e.g. the signing). */
async function warmUp(request: () => LoadRequest): Promise<void> {
  const { samples } = await runLoad(WARM_UP_REQUESTS, CONCURRENCY, request);
  const failed = samples.find((sample) => sample.status !== 200);
  if (failed) throw new Error(`warm-up of ${request().url} answered ${failed.status} ${failed.body.slice(0, 200)}`);
}

/** `profiled`: also print when the run began and ended on the app's timeline, to find it in its CPU profile. */
async function measure(
  stack: Stack,
  label: string,
  profiled: boolean,
  request: (index: number) => LoadRequest,
): Promise<LoadSummary> {
  const appSeconds = () => ((performance.now() - stack.app.spawnedAt) / 1000).toFixed(1);
  const began = appSeconds();
  const cpuBefore = cpuSnapshot();
  const summary = summarize(await runLoad(INGEST_DELIVERIES, CONCURRENCY, request));
  const cpu = cpuShares(cpuBefore, cpuSnapshot(), {
    app: stack.app.pid,
    postgres: stack.postgresPid,
    "bench (load generator, fake HeyGen)": process.pid,
  });
  printBlock(`${label}: ${INGEST_DELIVERIES} requests at concurrency ${CONCURRENCY} (Node load generator)`, [
    ...summaryLines(summary),
    ["cpu", cpu],
    ...(profiled
      ? [["app time", `${began} s → ${appSeconds()} s after next start was spawned`] as [string, string]]
      : []),
  ]);
  return summary;
}
