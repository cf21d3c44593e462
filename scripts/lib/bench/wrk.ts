import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";

/** What one wrk run measured. */
export type WrkResult = {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p99Ms: number;
  /** Answers outside 2xx/3xx. */
  non2xx: number;
  /** Connect, read, write errors and timeouts. */
  socketErrors: number;
};

/** Answers slower than this count as timeouts (wrk's default, 2 s, is below what a saturated app may take). */
const TIMEOUT = "10s";

export function wrkInstalled(): boolean {
  return !spawnSync("wrk", ["--version"]).error;
}

/**
 * `connections` keep-alive connections requesting `url` back to back for `seconds`, from one wrk thread, each request
 * with `headers` (a Range, for instance).
 */
export async function runWrk(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<WrkResult> {
  const args = [
    ...Object.entries(headers).flatMap(([name, value]) => ["--header", `${name}: ${value}`]),
    "--threads",
    "1",
    "--connections",
    String(connections),
    "--duration",
    `${seconds}s`,
    "--timeout",
    TIMEOUT,
    "--latency",
    url,
  ];
  const { stdout } = await promisify(execFile)("wrk", args);
  return parseWrkOutput(stdout);
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Reads wrk's (4.x) report, as printed with --latency. */
export function parseWrkOutput(output: string): WrkResult {
  const totals = /(\d+) requests in ([\d.]+)(us|ms|s|m|h)/.exec(output);
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const p99 = /^\s*99(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)/m.exec(output);
  if (!totals || !rate || !p99) throw new Error(`unexpected wrk output:\n${output}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requests: Number(totals[1]),
    seconds: (Number(totals[2]) * UNIT_MS[totals[3]!]!) / 1000,
    requestsPerSecond: Number(rate[1]),
    p99Ms: Number(p99[1]) * UNIT_MS[p99[2]!]!,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    socketErrors: socket ? socket.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0,
  };
}
