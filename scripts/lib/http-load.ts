import diagnostics from "node:diagnostics_channel";
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

/**
 * A small closed-loop HTTP load generator for scripts: `concurrency` workers, each sending its next request as
 * soon as its last one is answered, every request timed. Route-agnostic, so one run can load two routes of the
 * same build (e.g. the webhook and a trivial GET) and print the same figures for each.
 */

/** One answered (or failed) request. `status` 0: no HTTP answer at all (refused, reset, timed out). */
export type Sample = { status: number; ms: number; body: string };

/** `connectionsOpened`: TCP connections fetch opened during the run (a warm run reuses its keep-alive ones). */
export type LoadResult = { samples: Sample[]; wallMs: number; concurrency: number; connectionsOpened: number };

export type LoadRequest = { url: string; init: RequestInit };

/** A request that has had no answer for this long is counted as failed (status 0) instead of hanging the run. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Runs task(0 … count-1) with at most `concurrency` in flight; results come back in index order. */
export async function pool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

/** Timed from the call until the whole body is read: what the sender waits for before its next request. */
export async function timedFetch({ url, init }: LoadRequest): Promise<Sample> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await response.text();
    return { status: response.status, ms: performance.now() - started, body };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, body: (error as Error).message };
  }
}

/**
 * Sends `count` requests at `concurrency`. `request(i)` is called just before request i goes out, so that
 * anything time-bound (a signature's timestamp) is fresh however long the run takes.
 */
export async function runLoad(
  count: number,
  concurrency: number,
  request: (index: number) => LoadRequest,
): Promise<LoadResult> {
  let connectionsOpened = 0;
  const opened = () => void connectionsOpened++;
  // fetch (undici) announces each connection it opens; the scripts fetch nothing else while a run goes on.
  diagnostics.subscribe("undici:client:beforeConnect", opened);
  try {
    const started = performance.now();
    const samples = await pool(count, concurrency, (index) => timedFetch(request(index)));
    return { samples, wallMs: performance.now() - started, concurrency, connectionsOpened };
  } finally {
    diagnostics.unsubscribe("undici:client:beforeConnect", opened);
  }
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export type LoadSummary = {
  requests: number;
  concurrency: number;
  wallMs: number;
  throughput: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  /** Status → count, for every answer that was not 2xx ("network" for status 0). */
  non2xx: Map<string, number>;
  serverErrors: number;
  networkErrors: number;
  connectionsOpened: number;
};

export function summarize(result: LoadResult): LoadSummary {
  const sorted = result.samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const non2xx = new Map<string, number>();
  for (const { status } of result.samples) {
    if (status >= 200 && status < 300) continue;
    const key = status === 0 ? "network" : String(status);
    non2xx.set(key, (non2xx.get(key) ?? 0) + 1);
  }
  return {
    requests: result.samples.length,
    concurrency: result.concurrency,
    wallMs: result.wallMs,
    throughput: result.samples.length / (result.wallMs / 1000),
    latency: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
    },
    non2xx,
    serverErrors: result.samples.filter((sample) => sample.status >= 500).length,
    networkErrors: non2xx.get("network") ?? 0,
    connectionsOpened: result.connectionsOpened,
  };
}

/** "a ×3, b ×1", most frequent first; `none` when empty. */
export function formatCounts(counts: Map<string, number>): string {
  if (counts.size === 0) return "none";
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => `${key} ×${count}`)
    .join(", ");
}

/** The lines every load run prints, label then value, to sit in one block with the caller's own lines. */
export function summaryLines(summary: LoadSummary): Array<[string, string]> {
  const ms = (value: number) => value.toFixed(1);
  const { p50, p90, p99, max } = summary.latency;
  return [
    ["requests", String(summary.requests)],
    ["concurrency", String(summary.concurrency)],
    ["wall time", `${(summary.wallMs / 1000).toFixed(2)} s`],
    ["throughput", `${summary.throughput.toFixed(1)} req/s`],
    ["latency ms", `p50 ${ms(p50)}   p90 ${ms(p90)}   p99 ${ms(p99)}   max ${ms(max)}`],
    ["non-2xx", formatCounts(summary.non2xx)],
    ["5xx", String(summary.serverErrors)],
    ["connections", `${summary.connectionsOpened} opened during the run`],
  ];
}

export function printBlock(title: string, lines: Array<[string, string]>): void {
  const width = Math.max(...lines.map(([label]) => label.length));
  console.log(`\n${title}\n${lines.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join("\n")}\n`);
}

// Where the machine's CPU went during a run. The load generator shares the machine with what it loads (and, on a
// shared box, with whatever else runs): without this line a slow run cannot be told from a busy machine.

/** Linux reports CPU time in ticks of 1/100 s (USER_HZ, 100 on every mainstream architecture). */
const TICKS_PER_SECOND = 100;

type ProcessTimes = Map<number, { ppid: number; ticks: number }>;
export type CpuSnapshot = { at: number; busy: number; idle: number; processes: ProcessTimes };

/** Ticks the machine spent busy and idle, and each process's own user + system ticks; empty without /proc. */
export function cpuSnapshot(): CpuSnapshot {
  const processes: ProcessTimes = new Map();
  let busy = 0;
  let idle = 0;
  try {
    const [user, nice, system, idleTicks, iowait, irq, softirq, steal] = readFileSync("/proc/stat", "utf8")
      .split("\n")[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    busy = user! + nice! + system! + irq! + softirq! + steal!;
    idle = idleTicks! + iowait!;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // Fields after "(comm) ": state, ppid, … utime and stime are the 12th and 13th of them.
        const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ").at(-1)!.split(" ");
        processes.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
      } catch {
        // Gone between listing and reading.
      }
    }
  } catch {
    // Not Linux.
  }
  return { at: performance.now(), busy, idle, processes };
}

/** Ticks of a process and its live descendants (PostgreSQL's backends, say), but not those counted on their own. */
function treeTicks(processes: ProcessTimes, root: number, ownGroups: Set<number>): number {
  let total = processes.get(root)?.ticks ?? 0;
  for (const [pid, { ppid }] of processes) {
    if (ppid === root && pid !== root && !ownGroups.has(pid)) total += treeTicks(processes, pid, ownGroups);
  }
  return total;
}

/**
 * "app 0.90 · postgres 0.30 · … · other processes 0.20 · idle 0.10 cores (of 2)": average cores used between two
 * snapshots by each group (a process and its descendants, except those that are groups of their own).
 */
export function cpuShares(before: CpuSnapshot, after: CpuSnapshot, groups: Record<string, number | undefined>): string {
  const seconds = (after.at - before.at) / 1000;
  if (!after.processes.size || seconds <= 0) return "unknown (no /proc)";
  const cores = (ticks: number) => (ticks / TICKS_PER_SECOND / seconds).toFixed(2);
  const roots = new Set(Object.values(groups).filter((pid) => pid !== undefined));
  const ticksOf = (snapshot: CpuSnapshot, pid: number) => treeTicks(snapshot.processes, pid, roots);
  let attributed = 0;
  const parts = Object.entries(groups).map(([label, pid]) => {
    // A process alive before and after: the difference of its tree's ticks (children that came and went are lost).
    const ticks = pid === undefined ? 0 : Math.max(0, ticksOf(after, pid) - ticksOf(before, pid));
    attributed += ticks;
    return `${label} ${cores(ticks)}`;
  });
  const others = Math.max(0, after.busy - before.busy - attributed);
  return `${[...parts, `other processes ${cores(others)}`, `idle ${cores(after.idle - before.idle)}`].join(" · ")} cores (of ${availableParallelism()})`;
}
