import { existsSync } from "node:fs";
import { chmod, cp, mkdtemp, rename, rm, stat } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EmbeddedPostgresStartError,
  findFreePort,
  reachableDataDir,
  startEmbeddedPostgres,
  type EmbeddedPostgresServer,
} from "../../scripts/lib/embedded-postgres";
import { packagedNativeDir } from "../../scripts/lib/postgres-binaries";

const isRoot = process.getuid?.() === 0;
const START_TIMEOUT_MS = 60_000;

/** A copy of the installed binaries in a fresh temporary directory, made `mode` (mkdtemp's own is 0700). */
async function copyOfBinaries(mode: number): Promise<{ root: string; nativeDir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "embedded-pg-test-"));
  await chmod(root, mode);
  const nativeDir = path.join(root, "native");
  await cp(await packagedNativeDir(), nativeDir, { recursive: true, verbatimSymlinks: true });
  return { root, nativeDir };
}

async function selectOne(url: string): Promise<unknown> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query("SELECT 1 AS one")).rows[0];
  } finally {
    await client.end();
  }
}

// As root PostgreSQL runs as the `postgres` user, which cannot enter a checkout in /root or in a `mktemp -d`
// directory: this is that checkout's situation.
describe.runIf(isRoot)("as root, with binaries and data where the postgres user cannot reach", () => {
  let unreachable: { root: string; nativeDir: string };
  beforeAll(async () => {
    unreachable = await copyOfBinaries(0o700);
  });
  afterAll(() => rm(unreachable.root, { recursive: true, force: true }));

  it(
    "runs a throwaway server from binaries in a 0700 directory and removes its data on stop",
    async () => {
      expect((await stat(unreachable.root)).mode & 0o777).toBe(0o700);

      const server = await startEmbeddedPostgres({ persistent: false, nativeDir: unreachable.nativeDir });
      try {
        expect(await selectOne(server.url)).toEqual({ one: 1 });
      } finally {
        await server.stop();
      }
      expect(existsSync(server.dataDir)).toBe(false);
    },
    START_TIMEOUT_MS,
  );

  it(
    "keeps a persistent cluster outside a checkout it cannot reach, and finds it again",
    async () => {
      const preferred = path.join(unreachable.root, "app", ".data", "postgres");
      const { dataDir, note } = await reachableDataDir(preferred);
      expect(dataDir).not.toContain(unreachable.root);
      expect(note).toContain(dataDir);
      expect(note).toContain(preferred);
      expect(await reachableDataDir(preferred)).toEqual({ dataDir, note });

      try {
        for (const run of [1, 2]) {
          const server = await startEmbeddedPostgres({ persistent: true, dataDir, nativeDir: unreachable.nativeDir });
          try {
            const client = new pg.Client(server.url);
            await client.connect();
            if (run === 1) await client.query("CREATE TABLE kept (id int)");
            await expect(client.query("SELECT count(*)::int AS n FROM kept")).resolves.toMatchObject({
              rows: [{ n: 0 }],
            });
            await client.end();
          } finally {
            await server.stop();
          }
          expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
        }
      } finally {
        await rm(path.dirname(dataDir), { recursive: true, force: true });
      }
    },
    START_TIMEOUT_MS,
  );
});

describe("a failure to start is one clear line", () => {
  // Reachable, so that (as root) these binaries run as they are rather than from a copy.
  let broken: { root: string; nativeDir: string };
  beforeAll(async () => {
    broken = await copyOfBinaries(0o755);
  });
  afterAll(() => rm(broken.root, { recursive: true, force: true }));

  async function startError(options: { port?: number; dataDir?: string } = {}): Promise<EmbeddedPostgresStartError> {
    const error = await startEmbeddedPostgres({ persistent: false, nativeDir: broken.nativeDir, ...options }).then(
      (server: EmbeddedPostgresServer) => server.stop().then(() => new Error("PostgreSQL started")),
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(EmbeddedPostgresStartError);
    const { message } = error as EmbeddedPostgresStartError;
    expect(message).not.toContain("\n");
    expect(message).toMatch(/^PostgreSQL could not start: /);
    return error as EmbeddedPostgresStartError;
  }

  it("names a binary it cannot run, rather than crashing on EACCES", async () => {
    const initdb = path.join(broken.nativeDir, "bin", "initdb");
    await chmod(initdb, 0o644);
    try {
      const error = await startError();
      expect(error.message).toContain(`cannot run ${initdb}`);
      expect(error.message).toContain("EACCES: permission denied");
    } finally {
      await chmod(initdb, 0o755);
    }
  });

  it(
    "gives initdb's own reason when initdb fails",
    async () => {
      const postgres = path.join(broken.nativeDir, "bin", "postgres");
      await rename(postgres, `${postgres}.away`);
      try {
        const error = await startError();
        expect(error.message).toMatch(/initdb exited with code 1 \(initdb: error: .*"postgres"/);
        expect(error.log).toContain("initdb: error:");
      } finally {
        await rename(`${postgres}.away`, postgres);
      }
    },
    START_TIMEOUT_MS,
  );

  it(
    "says when the port asked for is taken, and removes the throwaway data",
    async () => {
      const port = await findFreePort();
      const taken: Server = createServer();
      await new Promise<void>((resolve) => taken.listen(port, "127.0.0.1", resolve));
      const dataDir = path.join(broken.root, "data");
      try {
        const error = await startError({ port, dataDir });
        expect(error.message).toContain(`port ${port} on 127.0.0.1 is in use`);
        expect(existsSync(dataDir)).toBe(false);
      } finally {
        await new Promise((resolve) => taken.close(resolve));
      }
    },
    START_TIMEOUT_MS,
  );
});
