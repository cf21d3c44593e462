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

/**
 * One reset, as one statement (a DO block is atomic): the tables the catalogue lists that hold rows are emptied by one
 * TRUNCATE ... RESTART IDENTITY CASCADE (skipping empty ones keeps it as cheap as the hand-kept list was), then the
 * migrations' rows go back in.
 */
export function resetSql(seed: MigrationSeed): string {
  const restore = seed.map(
    ({ table, rows }) =>
      `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, ${literal(rows)});`,
  );
  return `DO $reset$
    DECLARE
      resettable record;
      filled text[] := '{}';
      has_rows boolean;
    BEGIN
      FOR resettable IN ${RESETTABLE_TABLES_SQL} LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s)', resettable.name) INTO has_rows;
        IF has_rows THEN filled := filled || resettable.name::text; END IF;
      END LOOP;
      IF cardinality(filled) > 0 THEN
        EXECUTE 'TRUNCATE TABLE ' || array_to_string(filled, ', ') || ' RESTART IDENTITY CASCADE';
      END IF;
      ${restore.join("\n      ")}
    END $reset$`;
}

/** A JSON value as an SQL string literal (standard_conforming_strings: only the quotes need doubling). */
const literal = (value: unknown) => `'${JSON.stringify(value).replace(/'/g, "''")}'::json`;

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
