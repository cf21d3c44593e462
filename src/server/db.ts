import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/generated/prisma/client";
import { env } from "@/server/env";
import { processWide, processWideHandle } from "@/server/process-wide";

/** No request waits forever for PostgreSQL: a connection within 5 s, a statement within 10 s. */
const CONNECT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 10_000;

/** One pool of connections per process, shared by Prisma and by runPrepared (and the names of its statements). */
function createDatabase() {
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    // Names the app's connections in pg_stat_activity (the LISTEN one and the login limiter's have their own).
    application_name: "heygen-app",
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 2_000,
  });
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    log: env.NODE_ENV === "development" ? ["warn", "error"] : ["error"],
  });
  // A statement's name is prepared on each connection of the pool: one list per pool, or two module instances
  // would give one name to two statements on the same connection.
  return { pool, client, statementNames: new Map<string, string>() };
}

const database = () =>
  processWide("database", createDatabase, async ({ client, pool }) => {
    await client.$disconnect();
    // Prisma ends the pool only if it used it; runPrepared may have used it alone.
    if (!pool.ending) await pool.end();
  });

/** The process's Prisma client (process-wide.ts: one for every bundle of the build). */
export const db = processWideHandle(() => database().client);

/**
 * Runs one statement as a named prepared statement on the same pool, outside Prisma's query engine: for the fixed
 * shapes of statement that every webhook runs, where the engine's CPU per query, and PostgreSQL parsing and planning
 * an unnamed statement each time, cost more than the statement's own work. Dates are sent as UTC, as Prisma stores
 * them; rows come back as pg reads them.
 */
export async function runPrepared<Row extends object>(statement: Prisma.Sql): Promise<Row[]> {
  const { pool, statementNames } = database();
  let name = statementNames.get(statement.text);
  if (!name) statementNames.set(statement.text, (name = `prepared_${statementNames.size + 1}`));
  const values = statement.values.map((value) => (value instanceof Date ? value.toISOString() : value));
  const { rows } = await pool.query<Row>({ name, text: statement.text, values });
  return rows;
}

/** The client or a transaction's client: functions that may run inside a transaction take one. */
export type Db = Prisma.TransactionClient;

const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|timeout exceeded when trying to connect|Connection terminated|terminating connection|the database system is (starting up|shutting down)|canceling statement due to statement timeout|Query read timeout|Can't reach database server/i;

/** True when an error says PostgreSQL could not be reached or did not answer in time (not a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  // P2024: no pooled connection in time; P2028: a transaction could not start (or finish) in time.
  if (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    ["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"].includes(error.code)
  ) {
    return true;
  }
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth++) {
    const text = `${(cause as { code?: unknown }).code ?? ""} ${(cause as Error).message ?? ""}`;
    if (UNAVAILABLE.test(text)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/** A unique constraint refused the write (P2002 from the query builder, SQLSTATE 23505 from raw SQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return (
    error.code === "P2002" ||
    (error.code === "P2010" && /23505|unique/i.test(JSON.stringify(error.meta ?? {}) + error.message))
  );
}

/** A foreign key refused the write: the row it names does not exist (P2003; SQLSTATE 23503 from raw SQL). */
export function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return (
    error.code === "P2003" ||
    (error.code === "P2010" && /23503|foreign key/i.test(JSON.stringify(error.meta ?? {}) + error.message))
  );
}
