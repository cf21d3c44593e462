import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrationsDir } from "../../scripts/db/schema-engine";

const MIGRATION = /^\d+_video_presenter$/;

describe("migration video_presenter", () => {
  const client = new pg.Client(inject("databaseUrl"));
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it("links each video a batch made to its item's presenter, and leaves the Studio's alone", async () => {
    const names = (await readdir(migrationsDir)).filter((name) => /^\d+_/.test(name)).sort();
    const index = names.findIndex((name) => MIGRATION.test(name));
    expect(index).toBeGreaterThan(0);
    const scratch = `presenter_${Date.now()}`;
    await client.query(`CREATE DATABASE ${scratch}`);
    const url = new URL(inject("databaseUrl"));
    url.pathname = `/${scratch}`;
    const old = new pg.Client(url.href);
    await old.connect();
    const apply = async (name: string) =>
      old.query(await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8"));
    try {
      for (const name of names.slice(0, index)) await apply(name);
      await old.query(`
        INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, "updatedAt") VALUES ('p1', 'Anna', 'look', '16:9', '720p', now());
        INSERT INTO "PlanScript" (id, date, title, script, tag, "updatedAt") VALUES ('s1', '2026-12-01', 'Day 1', 'Hello', 'daily', now());
        INSERT INTO "Batch" (id, month, "requestedBy", "updatedAt") VALUES ('b1', '2026-12', 'admin', now());
        INSERT INTO "Video" (id, title, script, "avatarId", "aspectRatio", resolution, "updatedAt") VALUES
          ('v-batch', 'Day 1', 'Hello', 'look', '16:9', '720p', now()),
          ('v-studio', 'Mine', 'Hi', 'look', '16:9', '720p', now());
        INSERT INTO "BatchItem" (id, "batchId", "planScriptId", "presenterId", status, "videoId", "updatedAt")
          VALUES ('i1', 'b1', 's1', 'p1', 'SENT', 'v-batch', now());`);
      await apply(names[index]!);
      const { rows } = await old.query(`SELECT id, "presenterId" FROM "Video" ORDER BY id`);
      expect(rows).toEqual([
        { id: "v-batch", presenterId: "p1" },
        { id: "v-studio", presenterId: null },
      ]);
    } finally {
      await old.end();
      await client.query(`DROP DATABASE ${scratch}`);
    }
  });
});
