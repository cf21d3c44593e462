import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { EmbeddedPostgresStartError, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the migrated throwaway database of this test run; tests read it with `inject("databaseUrl")`. */
    databaseUrl: string;
  }
}

/** Vitest globalSetup of the integration project: one migrated throwaway PostgreSQL for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await startEmbeddedPostgres({ persistent: false }).catch(asOneLine);
  try {
    await applyMigrations(database.url);
  } catch (error) {
    await database.stop();
    throw error;
  }
  project.provide("databaseUrl", database.url);
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
