import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { nearestFormat } from "@/lib/video-format";
import { applyMigrations, migrationsDir } from "../../scripts/db/schema-engine";

const repoRoot = path.resolve(migrationsDir, "../..");

describe("database migrations", () => {
  const client = new pg.Client(inject("databaseUrl"));
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it("created the Video table", async () => {
    const { rows } = await client.query<{ table: string | null }>(
      `SELECT to_regclass('public."Video"')::text AS table`,
    );
    expect(rows[0]?.table).toBe('"Video"');
  });

  it("recorded every migration directory as prisma migrate deploy does", async () => {
    const directories = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(directories.length).toBeGreaterThan(0);
    const expected = await Promise.all(
      directories.map(async (name) => ({
        migration_name: name,
        // Prisma records the SHA-256 of migration.sql as lowercase hex.
        checksum: createHash("sha256")
          .update(await readFile(path.join(migrationsDir, name, "migration.sql")))
          .digest("hex"),
        finished: true,
        rolled_back: false,
      })),
    );

    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
       FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows).toEqual(expected);
  });

  it("applies nothing when the database is already up to date", async () => {
    const count = async () => (await client.query("SELECT count(*)::int AS n FROM _prisma_migrations")).rows[0].n;
    const before = await count();

    await expect(applyMigrations(inject("databaseUrl"))).resolves.toEqual([]);
    expect(await count()).toBe(before);
  });

  it("converts stored width × height rows to the preset nearestFormat() picks for the same size", async () => {
    const [init, formats] = (await readdir(migrationsDir))
      .filter((name) => /^\d+_(init|formats_and_heygen_events)$/.test(name))
      .sort();
    const scratch = `convert_${Date.now()}`;
    await client.query(`CREATE DATABASE ${scratch}`);
    const url = new URL(inject("databaseUrl"));
    url.pathname = `/${scratch}`;
    const old = new pg.Client(url.href);
    await old.connect();
    try {
      await old.query(await readFile(path.join(migrationsDir, init!, "migration.sql"), "utf8"));
      const sizes = [
        [1920, 1080],
        [1080, 1920],
        [1280, 720],
        [720, 1280],
        [1080, 1080],
        [1080, 1350],
        [640, 480],
        [3840, 2160],
        [128, 4096],
      ];
      for (const [i, [width, height]] of sizes.entries()) {
        await old.query(
          `INSERT INTO "Video" (id, title, script, "avatarId", "voiceId", width, height, "updatedAt") VALUES ($1, 't', 's', 'a', 'v', $2, $3, now())`,
          [`v${i}`, width, height],
        );
      }
      await old.query(await readFile(path.join(migrationsDir, formats!, "migration.sql"), "utf8"));
      const { rows } = await old.query(`SELECT id, "aspectRatio", resolution FROM "Video" ORDER BY id`);
      expect(rows).toEqual(sizes.map(([width, height], i) => ({ id: `v${i}`, ...nearestFormat(width!, height!) })));
    } finally {
      await old.end();
      await client.query(`DROP DATABASE ${scratch}`);
    }
  });

  it("db:check finds prisma/schema.prisma and the migrations in agreement", async () => {
    const { code, output } = await run("npx", ["tsx", "scripts/db/migrate.ts", "check"]);
    expect(output).toContain("agree");
    expect(code, output).toBe(0);
  }, 60_000);
});

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}
