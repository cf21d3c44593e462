/**
 * The integration tests' reset between tests, driven by PostgreSQL's own catalogue rather than a hand-kept list: a
 * table a migration adds, or pg-boss's schema created in the middle of a run, is emptied without anyone listing it.
 */

/**
 * Every table a test can fill, as quoted names: the app's tables in `public` except Prisma's migration history, and
 * pg-boss's job tables (those with a column of its `job_state` type: the jobs and their archive), not its version,
 * queue definitions or schedules. Partitions are left out: truncating their parent (pgboss.job) empties them.
 */
export const RESETTABLE_TABLES_SQL = `
  SELECT format('%I.%I', n.nspname, c.relname) AS "name"
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND (
      (n.nspname = 'public' AND c.relname <> '_prisma_migrations')
      OR (n.nspname = 'pgboss' AND EXISTS (
        SELECT 1 FROM pg_attribute a
        WHERE a.attrelid = c.oid AND NOT a.attisdropped AND a.atttypid = to_regtype('pgboss.job_state')
      ))
    )
  ORDER BY c.oid`;

/** Rows the migrations themselves insert (the create gate's row), by table: each reset puts them back as they were. */
export type MigrationSeed = Array<{ table: string; rows: unknown[] }>;

/** The statements of one reset: one TRUNCATE of every table, then the migrations' rows again (run them in one transaction). */
export function resetStatements(tables: string[], seed: MigrationSeed): Array<{ sql: string; values: unknown[] }> {
  return [
    { sql: `TRUNCATE TABLE ${tables.join(", ")} RESTART IDENTITY CASCADE`, values: [] },
    ...seed.map(({ table, rows }) => ({
      sql: `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`,
      values: [JSON.stringify(rows)],
    })),
  ];
}

/** What the migrations left in the tables a reset empties, read once right after they ran. */
export async function readMigrationSeed(
  query: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }>,
): Promise<MigrationSeed> {
  const seed: MigrationSeed = [];
  const tables = (await query(RESETTABLE_TABLES_SQL)).rows as Array<{ name: string }>;
  for (const { name } of tables) {
    const { rows } = await query(`SELECT coalesce(json_agg(t), '[]'::json) AS "rows" FROM ${name} t`);
    const tableRows = rows[0]!.rows as unknown[];
    if (tableRows.length > 0) seed.push({ table: name, rows: tableRows });
  }
  return seed;
}
