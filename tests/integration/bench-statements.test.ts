import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements } from "../../scripts/lib/bench/statements";
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from "../../scripts/lib/embedded-postgres";

// `npm run bench` counts the statements a load run causes: a server of its own, started with pg_stat_statements.
describe("statements counted around a piece of work", () => {
  let server: EmbeddedPostgresServer;
  beforeAll(async () => {
    server = await startEmbeddedPostgres({
      persistent: false,
      settings: ["shared_preload_libraries=pg_stat_statements"],
    });
    const client = new pg.Client(server.url);
    await client.connect();
    await client.query("CREATE EXTENSION pg_stat_statements").finally(() => client.end());
  });
  afterAll(() => server?.stop());

  it("are the statements anyone ran meanwhile, and only those: not the ones before, not the counting itself", async () => {
    const app = new pg.Client(server.url);
    await app.connect();
    try {
      await app.query("SELECT 1");
      const { result, statements } = await countStatements(server.url, async () => {
        for (const n of [1, 2, 3]) await app.query("SELECT $1::int AS n", [n]);
        await app.query("SELECT count(*) FROM pg_class");
        return "done";
      });
      expect(result).toBe("done");
      expect(statements).toBe(4);
    } finally {
      await app.end();
    }
  });
});
