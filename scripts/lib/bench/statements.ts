import pg from "pg";

/**
 * Runs `work` and counts the PostgreSQL statements executed meanwhile, by anyone (the app's pool, its reconciliation
 * timer), from pg_stat_statements: reset before, sum of `calls` after. The bench's own two statements name the view,
 * which is how they are left out.
 */
export async function countStatements<T>(
  databaseUrl: string,
  work: () => Promise<T>,
): Promise<{ result: T; statements: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_stat_statements_reset()");
    const result = await work();
    const { rows } = await client.query<{ calls: number }>(
      "SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'",
    );
    return { result, statements: rows[0]!.calls };
  } finally {
    await client.end();
  }
}
