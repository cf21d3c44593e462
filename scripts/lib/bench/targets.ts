import type { CopyMemoryFigures } from "./copy-memory";
import type { FirstLoadFigures } from "./first-load-js";
import { kilobytes, mebibytes, percent, ratio, secondsOf } from "./format";
import type { IngestFigures } from "./ingest";
import type { MediaFigures } from "./media-route";
import { ingestVerdict } from "./ingest-rounds";
import type { StatusFigures } from "./status-route";
import type { ViewerFigures } from "./viewers";

// Issue 7's targets.
const STATUS_RATIO_MIN = 0.8;
const POLLS_REACHING_DATABASE_MAX = 0.01;
const INGEST_RATIO_MIN = 0.5;
const PLAYABLE_P95_MAX_MS = 1000;
const REQUESTS_PER_VIEWER_MINUTE_MAX = 3;
const FIRST_LOAD_JS_OVER_EMPTY_MAX_BYTES = 20_000;
// Issue 17's.
const COPY_RSS_GROWTH_MAX_BYTES = 100 * 1024 ** 2;
const MEDIA_RANGE_RATIO_MIN = 0.5;

/** What one run measured; a section skipped with --only is missing. */
export type Figures = {
  status?: StatusFigures;
  ingest?: IngestFigures;
  viewers?: ViewerFigures;
  firstLoad?: FirstLoadFigures;
  copyMemory?: CopyMemoryFigures;
  media?: MediaFigures;
};

/** `pass` is null when the section did not run. */
export type TargetRow = { figure: string; value: string; target: string; pass: boolean | null };

const NOT_RUN = { value: "not run", pass: null };

/** The rows of the issue's targets table, plus the finished video's status ratio, in its order. */
export function targetRows({ status, ingest, viewers, firstLoad, copyMemory, media }: Figures): TargetRow[] {
  const statusRatio = (run: "rendering" | "finished") =>
    status && status[run].requestsPerSecond / status.trivial.requestsPerSecond;
  const reachingDatabase = (run: "rendering" | "finished") => status && status[run].statements / status[run].requests;
  const rendering = statusRatio("rendering");
  const finished = statusRatio("finished");
  const databaseShares = status && [reachingDatabase("rendering")!, reachingDatabase("finished")!];
  const ingestRounds = ingest && ingest.rounds.length > 0 ? ingestVerdict(ingest.rounds) : undefined;
  const firstWebhooks = ingest?.rounds[0]?.webhook;
  const overEmpty = firstLoad && firstLoad.watchBytes - firstLoad.emptyBytes;
  const mediaRatio = media && media.route.requestsPerSecond / media.sirv.requestsPerSecond;
  return [
    {
      figure: "status route req/s ÷ trivial route, rendering video",
      target: `≥ ${STATUS_RATIO_MIN}`,
      ...(rendering === undefined ? NOT_RUN : { value: ratio(rendering), pass: rendering >= STATUS_RATIO_MIN }),
    },
    {
      figure: "status route req/s ÷ trivial route, finished video",
      target: `≥ ${STATUS_RATIO_MIN}`,
      ...(finished === undefined ? NOT_RUN : { value: ratio(finished), pass: finished >= STATUS_RATIO_MIN }),
    },
    {
      figure: "polls that reach PostgreSQL",
      target: `≤ ${POLLS_REACHING_DATABASE_MAX * 100} %`,
      ...(databaseShares === undefined
        ? NOT_RUN
        : {
            value: `rendering ${percent(databaseShares[0]!)}, finished ${percent(databaseShares[1]!)}`,
            pass: databaseShares.every((share) => share <= POLLS_REACHING_DATABASE_MAX),
          }),
    },
    {
      figure: `webhook ingest req/s ÷ trivial route${firstWebhooks ? `, ${firstWebhooks.requests.toLocaleString("en")} at c=${firstWebhooks.concurrency}` : ""}`,
      target: `≥ ${INGEST_RATIO_MIN}, all applied`,
      ...(ingestRounds === undefined
        ? NOT_RUN
        : {
            value: `${ratio(ingestRounds.median)} (median of ${ingestRounds.ratios.map(ratio).join(", ")}), ${ingestRounds.applied} of ${ingestRounds.delivered} applied, ${ingestRounds.non2xx} non-2xx`,
            pass:
              ingestRounds.median >= INGEST_RATIO_MIN &&
              ingestRounds.applied === ingestRounds.delivered &&
              ingestRounds.non2xx === 0,
          }),
    },
    {
      figure: "webhook → playable in the viewer's browser, p95",
      target: `≤ ${PLAYABLE_P95_MAX_MS / 1000} s`,
      ...(viewers === undefined
        ? NOT_RUN
        : { value: secondsOf(viewers.playableMs.p95), pass: viewers.playableMs.p95 <= PLAYABLE_P95_MAX_MS }),
    },
    {
      figure: "requests per viewer-minute while rendering",
      target: `≤ ${REQUESTS_PER_VIEWER_MINUTE_MAX}`,
      ...(viewers === undefined
        ? NOT_RUN
        : {
            value: `max ${viewers.requestsPerMinute.max.toFixed(1)}, mean ${viewers.requestsPerMinute.mean.toFixed(1)}`,
            pass: viewers.requestsPerMinute.max <= REQUESTS_PER_VIEWER_MINUTE_MAX,
          }),
    },
    {
      figure: "watch page first-load JS, gzip",
      target: `≤ empty page + ${FIRST_LOAD_JS_OVER_EMPTY_MAX_BYTES / 1000} KB`,
      ...(firstLoad === undefined || overEmpty === undefined
        ? NOT_RUN
        : {
            value: `${kilobytes(firstLoad.watchBytes)} (empty ${kilobytes(firstLoad.emptyBytes)}, +${kilobytes(overEmpty)})`,
            pass: overEmpty <= FIRST_LOAD_JS_OVER_EMPTY_MAX_BYTES,
          }),
    },
    {
      figure: "media copy of a 1 GiB file: RSS growth",
      target: `≤ +${COPY_RSS_GROWTH_MAX_BYTES / 1024 ** 2} MiB`,
      ...(copyMemory === undefined
        ? NOT_RUN
        : {
            value: `+${mebibytes(copyMemory.rssGrowthBytes)} (${mebibytes(copyMemory.bytes)} in ${secondsOf(copyMemory.seconds * 1000)})`,
            pass: copyMemory.rssGrowthBytes <= COPY_RSS_GROWTH_MAX_BYTES,
          }),
    },
    {
      figure: "stored MP4, 1 MiB range: media route req/s ÷ sirv",
      target: `≥ ${MEDIA_RANGE_RATIO_MIN}`,
      ...(media === undefined || mediaRatio === undefined
        ? NOT_RUN
        : {
            value: `${ratio(mediaRatio)} (${media.route.requestsPerSecond.toFixed(0)} vs ${media.sirv.requestsPerSecond.toFixed(0)} req/s)`,
            pass: mediaRatio >= MEDIA_RANGE_RATIO_MIN && media.route.non2xx === 0,
          }),
    },
  ];
}

/** A plain-text table, one row per figure. */
export function formatTargets(rows: TargetRow[]): string {
  const cells = [
    ["figure", "value", "target", "result"],
    ...rows.map((row) => [row.figure, row.value, row.target, row.pass === null ? "—" : row.pass ? "pass" : "FAIL"]),
  ];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((cell) => cell[column]!.length)));
  return cells
    .map((cell) =>
      cell
        .map((text, column) => text.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
