import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the migrated throwaway database of this test run; tests read it with `inject("databaseUrl")`. */
    databaseUrl: string;
  }
}

/** Vitest globalSetup of the integration project: one migrated throwaway PostgreSQL for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await startEmbeddedPostgres({ persistent: false });
  try {
    await applyMigrations(database.url);
  } catch (error) {
    await database.stop();
    throw error;
  }
  project.provide("databaseUrl", database.url);
  return () => database.stop();
}
