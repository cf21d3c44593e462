import { describe, expect, it } from "vitest";
import { ingestVerdict, median } from "../../scripts/lib/bench/ingest-rounds";
import { formatTargets, targetRows, type Figures } from "../../scripts/lib/bench/targets";
import { parseWrkOutput } from "../../scripts/lib/bench/wrk";
import { percentile, type LoadSummary } from "../../scripts/lib/http-load";

// wrk 4.1's report with --latency, as Debian's package prints it.
const wrkReport = (latency99: string, extra = "") => `Running 10s test @ http://127.0.0.1:3000/api/health/live
  1 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.34ms    5.67ms  1.20s    80.00%
    Req/Sec     2.60k   300.00     3.00k    70.00%
  Latency Distribution
     50%  498.00us
     75%    1.46ms
     90%    4.01ms
     99%  ${latency99}
  21278 requests in 10.01s, 2.53MB read
${extra}Requests/sec:   2125.67
Transfer/sec:      1.26MB
`;

describe("wrk's report", () => {
  it("gives requests, duration, req/s and p99 in milliseconds", () => {
    expect(parseWrkOutput(wrkReport("14.28ms"))).toEqual({
      requests: 21278,
      seconds: 10.01,
      requestsPerSecond: 2125.67,
      p99Ms: 14.28,
      non2xx: 0,
      socketErrors: 0,
    });
  });

  it("reads p99 in any of wrk's units", () => {
    expect(parseWrkOutput(wrkReport("850.00us")).p99Ms).toBeCloseTo(0.85);
    expect(parseWrkOutput(wrkReport("2.50s")).p99Ms).toBe(2500);
  });

  it("counts answers outside 2xx/3xx and socket errors", () => {
    const extra = "  Socket errors: connect 0, read 2, write 1, timeout 7\n  Non-2xx or 3xx responses: 12\n";
    expect(parseWrkOutput(wrkReport("14.28ms", extra))).toMatchObject({ non2xx: 12, socketErrors: 10 });
  });

  it("refuses a report it cannot read", () => {
    expect(() => parseWrkOutput("unable to connect to 127.0.0.1:3000 Connection refused")).toThrow(
      /unexpected wrk output/,
    );
  });
});

describe("median", () => {
  it("is the middle value of an odd count whatever the order, the mean of the two middle ones of an even count", () => {
    expect(median([0.61, 0.45, 0.52])).toBe(0.52);
    expect(median([0.3])).toBe(0.3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("leaves the rounds in the order they ran", () => {
    const ratios = [0.61, 0.45, 0.52];
    median(ratios);
    expect(ratios).toEqual([0.61, 0.45, 0.52]);
  });
});

describe("nearest-rank percentile", () => {
  it("is a measured value, never an interpolation", () => {
    const tenths = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
    expect(percentile(tenths, 50)).toBe(500);
    expect(percentile(tenths, 95)).toBe(1000);
    expect(percentile([1200], 95)).toBe(1200);
    expect(percentile([], 50)).toBeNaN();
  });
});

const load = (throughput: number, non2xx: Record<string, number> = {}): LoadSummary => ({
  requests: 1000,
  concurrency: 50,
  wallMs: 1000,
  throughput,
  latency: { p50: 1, p90: 1, p99: 1, max: 1 },
  non2xx: new Map(Object.entries(non2xx)),
  serverErrors: 0,
  networkErrors: 0,
  connectionsOpened: 0,
});
/** One ingest round of 1,000 webhooks: trivial route first, then the webhooks, both from the same sender. */
const round = (trivial: number, webhook: number, applied = 1000, non2xx: Record<string, number> = {}) => ({
  trivial: load(trivial),
  webhook: load(webhook, non2xx),
  applied,
});
/** Three rounds at the same ratio. */
const rounds = (trivial: number, webhook: number) => ({ rounds: [1, 2, 3].map(() => round(trivial, webhook)) });
const run = (requestsPerSecond: number, statements: number) => ({
  requests: 10_000,
  seconds: 10,
  requestsPerSecond,
  p99Ms: 50,
  non2xx: 0,
  socketErrors: 0,
  statements,
});

/** Figures as issue 7 measured them before the work, and exactly at its targets. */
const today: Figures = {
  status: { trivial: run(1000, 0), rendering: run(510, 10_100), finished: run(510, 10_100) },
  ingest: rounds(1000, 130),
  viewers: { requestsPerMinute: { max: 20, mean: 20 }, playableMs: { p50: 1400, p95: 1500, max: 1500 } },
  firstLoad: { watchBytes: 181_000, emptyBytes: 174_000 },
  // Issue 17's: a copy that held the whole file in memory.
  copyMemory: { bytes: 1024 ** 3, rssGrowthBytes: 1100 * 1024 ** 2, seconds: 9.5 },
  media: { route: run(300, 0), sirv: run(1000, 0) },
};
const atTargets: Figures = {
  status: { trivial: run(1000, 0), rendering: run(800, 100), finished: run(800, 100) },
  ingest: rounds(1000, 500),
  viewers: { requestsPerMinute: { max: 3, mean: 2.5 }, playableMs: { p50: 600, p95: 1000, max: 1000 } },
  firstLoad: { watchBytes: 194_000, emptyBytes: 174_000 },
  copyMemory: { bytes: 1024 ** 3, rssGrowthBytes: 100 * 1024 ** 2, seconds: 6 },
  media: { route: run(500, 0), sirv: run(1000, 0) },
};
const verdicts = (figures: Figures) => Object.fromEntries(targetRows(figures).map((row) => [row.figure, row.pass]));

describe("the targets table", () => {
  it("has the issue's rows and the finished video's ratio, each failing or passing on its own figure", () => {
    expect(verdicts(today)).toEqual({
      "status route req/s ÷ trivial route, rendering video": false,
      "status route req/s ÷ trivial route, finished video": false,
      "polls that reach PostgreSQL": false,
      "webhook ingest req/s ÷ trivial route, 1,000 at c=50": false,
      "webhook → playable in the viewer's browser, p95": false,
      "requests per viewer-minute while rendering": false,
      "watch page first-load JS, gzip": true,
      "media copy of a 1 GiB file: RSS growth": false,
      "stored MP4, 1 MiB range: media route req/s ÷ sirv": false,
    });
  });

  it("passes every figure exactly at its target", () => {
    expect(Object.values(verdicts(atTargets))).toEqual(Array(9).fill(true));
  });

  it("fails a figure just past its target", () => {
    const past: Figures = {
      status: { trivial: run(1000, 0), rendering: run(799, 100), finished: run(800, 101) },
      ingest: atTargets.ingest,
      viewers: { requestsPerMinute: { max: 3.1, mean: 2 }, playableMs: { p50: 600, p95: 1001, max: 1001 } },
      firstLoad: { watchBytes: 194_001, emptyBytes: 174_000 },
      copyMemory: { bytes: 1024 ** 3, rssGrowthBytes: 100 * 1024 ** 2 + 1, seconds: 6 },
      media: { route: run(499, 0), sirv: run(1000, 0) },
    };
    expect(Object.values(verdicts(past))).toEqual([false, true, false, true, false, false, false, false, false]);
  });

  it("fails webhook ingest that is fast enough but did not apply every delivery, or answered one with an error", () => {
    const ingestVerdict = (ingest: Figures["ingest"]) => targetRows({ ingest })[3]!.pass;
    const fast = round(1000, 900);
    expect(ingestVerdict({ rounds: [fast, round(1000, 900, 999), fast] })).toBe(false);
    expect(ingestVerdict({ rounds: [fast, fast, round(1000, 900, 1000, { "503": 1 })] })).toBe(false);
    expect(ingestVerdict({ rounds: [fast, fast, fast] })).toBe(true);
  });

  it("judges webhook ingest by the median of its rounds' ratios, each round's webhooks over its own trivial run", () => {
    const ingestRow = (ingest: Figures["ingest"]) => targetRows({ ingest })[3]!;
    // 0.45, 0.52, 0.60: one slow round does not fail it, one fast round does not pass it.
    const mixed = { rounds: [round(400, 180), round(1000, 520), round(200, 120)] };
    expect(ingestRow(mixed)).toMatchObject({
      pass: true,
      value: "0.52 (median of 0.45, 0.52, 0.60), 3000 of 3000 applied, 0 non-2xx",
    });
    expect(ingestRow({ rounds: [round(400, 180), round(1000, 490), round(200, 120)] }).pass).toBe(false);
    // The same webhook req/s against another round's trivial run would be 0.90 and 0.26: each ratio is its own round's.
    expect(ingestRow({ rounds: [round(200, 180), round(1000, 260), round(1000, 300)] }).value).toMatch(
      /^0\.30 \(median of 0\.90, 0\.26, 0\.30\)/,
    );
  });

  it("sums the rounds' deliveries, applied videos and answers outside 2xx", () => {
    const verdict = ingestVerdict([
      round(1000, 600),
      round(1000, 600, 998, { "503": 2 }),
      round(1000, 600, 1000, { "429": 1 }),
    ]);
    expect(verdict).toMatchObject({ applied: 2998, delivered: 3000, non2xx: 3 });
  });

  it("marks the sections that did not run, and prints one aligned line per figure", () => {
    const rows = targetRows({});
    expect(rows.every((row) => row.pass === null && row.value === "not run")).toBe(true);
    const lines = formatTargets(targetRows(today)).split("\n");
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^figure\s+value\s+target\s+result$/);
    expect(lines[3]).toMatch(/^polls that reach PostgreSQL\s+rendering 101 %, finished 101 %\s+≤ 1 %\s+FAIL$/);
    expect(lines[7]).toMatch(/181\.0 KB \(empty 174\.0 KB, \+7\.0 KB\)\s+≤ empty page \+ 20 KB\s+pass$/);
    expect(lines[8]).toMatch(
      /^media copy of a 1 GiB file: RSS growth\s+\+1100\.0 MiB \(1024\.0 MiB in 9\.50 s\)\s+≤ \+100 MiB\s+FAIL$/,
    );
    expect(lines[9]).toMatch(
      /^stored MP4, 1 MiB range: media route req\/s ÷ sirv\s+0\.30 \(300 vs 1000 req\/s\)\s+≥ 0\.5\s+FAIL$/,
    );
    const targetColumn = lines[0]!.indexOf("target");
    expect(lines.slice(1).every((line) => /^[≥≤]/.test(line.slice(targetColumn)))).toBe(true);
  });
});
