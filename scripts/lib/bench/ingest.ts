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
import { ratio } from "./format";
import { TRIVIAL_ROUTE } from "./status-route";
import { createRenderingVideos } from "./videos";
import { signedDelivery, unknownVideoDelivery, waitForRenderDetails } from "./webhooks";

export const INGEST_DELIVERIES = 1000;
const CONCURRENCY = 50;
const WARM_UP_REQUESTS = 20;
/** How long the render details fetched after the answers may take to land before the next section starts. */
const AFTER_WORK_WAIT_MS = 30_000;

export type IngestFigures = { trivial: LoadSummary; webhook: LoadSummary; applied: number };

/**
 * 1,000 signed v3 `avatar_video.success` deliveries at concurrency 50, for 1,000 videos HeyGen knows, right after
 * the same number of requests to the trivial route from the same Node load generator, so that the ratio compares
 * like with like.
 */
export async function measureWebhookIngest(stack: Stack): Promise<IngestFigures> {
  const videos = await createRenderingVideos(stack, INGEST_DELIVERIES);
  const trivialRequest: LoadRequest = { url: `${stack.app.url}${TRIVIAL_ROUTE}`, init: {} };
  await warmUp(() => trivialRequest);
  await warmUp(() => unknownVideoDelivery(stack));

  const trivial = await measure(stack, `GET ${TRIVIAL_ROUTE}`, () => trivialRequest);
  const webhook = await measure(stack, "POST /api/heygen/callback (signed avatar_video.success)", (index) =>
    signedDelivery(stack, videos[index]!.body, videos[index]!.eventId),
  );
  const ids = videos.map((video) => video.id);
  const { completed: applied } = await countVideos(stack.databaseUrl, ids);
  const afterMs = await waitForRenderDetails(stack, ids, AFTER_WORK_WAIT_MS);
  printBlock("Webhook ingest", [
    ["ratio", `${ratio(webhook.throughput / trivial.throughput)} of the trivial route's req/s`],
    ["applied", `${applied} / ${INGEST_DELIVERIES} videos COMPLETED in the database`],
    ["after()", `render details landed ${(afterMs / 1000).toFixed(1)} s after the last answer`],
  ]);
  return { trivial, webhook, applied };
}

/** The first requests load the route's code and open the app's database pool; they must succeed (e.g. the signing). */
async function warmUp(request: () => LoadRequest): Promise<void> {
  const { samples } = await runLoad(WARM_UP_REQUESTS, 10, request);
  const failed = samples.find((sample) => sample.status !== 200);
  if (failed) throw new Error(`warm-up of ${request().url} answered ${failed.status} ${failed.body.slice(0, 200)}`);
}

async function measure(stack: Stack, label: string, request: (index: number) => LoadRequest): Promise<LoadSummary> {
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
  ]);
  return summary;
}
