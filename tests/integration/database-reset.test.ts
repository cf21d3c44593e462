import { afterAll, describe, expect, inject, it } from "vitest";
import { enqueueItems, queue, SUBMIT_QUEUE } from "@/server/batches/queue";
import { db } from "@/server/db";

// The tests below run in order: the first leaves traces, the second (after the reset of tests/setup/integration.ts)
// finds none of them.
const PROBE = "reset_probe";
const migrations = () => db.$queryRawUnsafe<Array<{ count: number }>>(`SELECT count(*)::int FROM _prisma_migrations`);
/** The gate's rows as JSON, the form in which the global setup read the migrations' rows. */
const gateRows = async () =>
  (await db.$queryRawUnsafe<Array<{ rows: unknown[] }>>(`SELECT json_agg(t) AS "rows" FROM "SubmitGate" t`))[0]!.rows;
const jobs = () =>
  db.$queryRawUnsafe<Array<{ count: number }>>(`SELECT count(*)::int FROM pgboss.job WHERE name = $1`, SUBMIT_QUEUE);
let migrationsBefore: number;

afterAll(async () => {
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${PROBE}`);
  await (await queue()).stop({ graceful: false, wait: true });
});

describe("the reset between integration tests", () => {
  it("(leaves traces: a table on no list, a queued job, the create gate moved and a second gate row)", async () => {
    migrationsBefore = (await migrations())[0]!.count;
    await db.$executeRawUnsafe(`CREATE TABLE ${PROBE} (id serial PRIMARY KEY, note text)`);
    await db.$executeRawUnsafe(`INSERT INTO ${PROBE} (note) VALUES ('left by the previous test')`);
    await enqueueItems(["an-item-of-the-previous-test"]);
    await db.$executeRaw`UPDATE "SubmitGate" SET "nextAt" = '2099-01-01'`;
    await db.$executeRaw`INSERT INTO "SubmitGate" ("name", "nextAt") VALUES ('another-gate', '2099-01-01')`;
    expect((await jobs())[0]!.count).toBe(1);
  });

  it("empties every table the catalogue lists, the queue's jobs too, and puts back what the migrations inserted", async () => {
    const probe = await db.$queryRawUnsafe<Array<{ id: number; note: string }>>(`SELECT * FROM ${PROBE}`);
    expect(probe).toEqual([]);
    // Identities restart too.
    const [fresh] = await db.$queryRawUnsafe<Array<{ id: number }>>(
      `INSERT INTO ${PROBE} (note) VALUES ('new') RETURNING id`,
    );
    expect(fresh!.id).toBe(1);
    expect((await jobs())[0]!.count).toBe(0);
    const seededGate = inject("migrationSeed").find((entry) => entry.table === 'public."SubmitGate"');
    expect(seededGate?.rows).toHaveLength(1);
    expect(await gateRows()).toEqual(seededGate!.rows);
    // What is not a test's data stays: the migration history, and the queue's own definition.
    expect((await migrations())[0]!.count).toBe(migrationsBefore);
    expect(await (await queue()).getQueue(SUBMIT_QUEUE)).toMatchObject({ name: SUBMIT_QUEUE });
  });
});
