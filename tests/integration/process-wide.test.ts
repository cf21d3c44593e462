import { describe, expect, it, vi } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { videoChanges } from "@/server/watch/video-changes";
import { restartProcess } from "../support/restart-process";
import { waitFor } from "../support/wait-for";

type DatabaseModule = typeof import("@/server/db");

/** The PostgreSQL backend that served one query: a pool hands out its most recently released connection first. */
const backendOf = async (module: DatabaseModule) =>
  (await module.db.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`)[0]!.pid;

const listeningBackends = async () =>
  (
    await db.$queryRaw<Array<{ pid: number }>>`
      SELECT pid FROM pg_stat_activity WHERE application_name = 'heygen-app-listen' AND datname = current_database()`
  ).map((row) => row.pid);

const openBackends = async (pids: number[]) =>
  (await db.$queryRaw<Array<{ pid: number }>>`SELECT pid FROM pg_stat_activity WHERE pid = ANY(${pids})`).map(
    (row) => row.pid,
  );

/**
 * `next build` gives each route, page and the instrumentation hook its own copy of a module: `vi.resetModules()`
 * makes such a second copy here.
 */
async function secondCopyOf<T>(load: () => Promise<T>): Promise<[T, T]> {
  const first = await load();
  vi.resetModules();
  const second = await load();
  expect(second).not.toBe(first);
  return [first, second];
}

describe("process-wide objects", () => {
  it("two copies of the database module share one pool, and the names of its prepared statements", async () => {
    const [first, second] = await secondCopyOf(() => import("@/server/db"));
    expect(await backendOf(second)).toBe(await backendOf(first));
    // Each copy prepares a statement of its own on that one connection: with a list of names per copy, both would
    // be called prepared_1, and pg refuses a name that stands for another statement.
    expect(await first.runPrepared(Prisma.sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    expect(await second.runPrepared(Prisma.sql`SELECT 2 AS two`)).toEqual([{ two: 2 }]);
  });

  it("two copies of the live module open one LISTEN connection", async () => {
    const [first, second] = await secondCopyOf(() => import("@/server/watch/video-changes"));
    for (const copy of [first, second]) copy.videoChanges.subscribe(() => {});
    await waitFor(
      () => [first, second].every((copy) => copy.videoChanges.isLive()),
      (live) => live,
    );
    expect(await listeningBackends()).toHaveLength(1);
  });

  it("the reset closes the pool and the LISTEN connection, and the next use opens new ones with the environment as it is now", async () => {
    videoChanges.subscribe(() => {});
    await waitFor(
      () => videoChanges.isLive(),
      (live) => live,
    );
    const pooled = await backendOf({ db } as DatabaseModule);
    const [listening] = await listeningBackends();
    expect(listening).toBeDefined();
    vi.stubEnv("APP_URL", "https://after-the-reset.example");

    await restartProcess();
    expect(videoChanges.isLive()).toBe(false);
    // PostgreSQL ends a backend as soon as its client has said goodbye: here, a moment later.
    expect(
      await waitFor(
        () => openBackends([pooled, listening!]),
        (open) => open.length === 0,
      ),
    ).toEqual([]);
    expect(await backendOf({ db } as DatabaseModule)).not.toBe(pooled);
    expect(env.APP_URL).toBe("https://after-the-reset.example");
  });
});
