import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { EmbeddedPostgresStartError, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { readMigrationSeed, type MigrationSeed } from "../support/database-reset";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the migrated throwaway database of this test run; tests read it with `inject("databaseUrl")`. */
    databaseUrl: string;
    /** The rows the migrations inserted, which the reset between tests puts back (see tests/support/database-reset.ts). */
    migrationSeed: MigrationSeed;
  }
}

/** Vitest globalSetup of the integration project: one migrated throwaway PostgreSQL for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await startEmbeddedPostgres({ persistent: false }).catch(asOneLine);
  let seed: MigrationSeed;
  try {
    await applyMigrations(database.url);
    seed = await withClient(database.url, (client) => readMigrationSeed((sql) => client.query(sql)));
  } catch (error) {
    await database.stop();
    throw error;
  }
  project.provide("databaseUrl", database.url);
  project.provide("migrationSeed", seed);
  return () => database.stop();
}

/**
 * Vitest prints a failed setup's stack, cause and properties; a start failure says all that matters in its message
 * (what failed and why), so it is printed as that one line.
 */
function asOneLine(error: unknown): never {
  if (!(error instanceof EmbeddedPostgresStartError)) throw error;
  const short = new Error(error.message);
  short.stack = error.message;
  throw short;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
