import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/generated/prisma/client";
import { env } from "@/server/env";

/** No request waits forever for PostgreSQL: a connection within 5 s, a statement within 10 s. */
const CONNECT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 10_000;

function createClient() {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: env.DATABASE_URL,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      query_timeout: STATEMENT_TIMEOUT_MS + 2_000,
    }),
    log: env.NODE_ENV === "development" ? ["warn", "error"] : ["error"],
  });
}

// Reuse one client across hot reloads in development so connections are not leaked. (Only there: tests load the
// module afresh against other databases.)
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
const hotReloading = env.NODE_ENV === "development";

export const db = (hotReloading && globalForPrisma.prisma) || createClient();

if (hotReloading) globalForPrisma.prisma = db;

/**
 * Interactive transactions wait up to the connect timeout for a pooled connection (Prisma's default, 2 s, fails
 * whole bursts of webhooks on a busy machine) and may run as long as a statement may.
 */
export const TRANSACTION_OPTIONS = { maxWait: CONNECT_TIMEOUT_MS, timeout: STATEMENT_TIMEOUT_MS } as const;

/** The client or a transaction's client: functions that may run inside a transaction take one. */
export type Db = Prisma.TransactionClient;

const UNAVAILABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|timeout exceeded when trying to connect|Connection terminated|terminating connection|the database system is (starting up|shutting down)|canceling statement due to statement timeout|Query read timeout|Can't reach database server/i;

/** True when an error says PostgreSQL could not be reached or did not answer in time (not a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  // P2024: no pooled connection in time; P2028: a transaction could not start (or finish) in time.
  if (error instanceof Prisma.PrismaClientKnownRequestError && ["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"].includes(error.code)) {
    return true;
  }
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth++) {
    const text = `${(cause as { code?: unknown }).code ?? ""} ${(cause as Error).message ?? ""}`;
    if (UNAVAILABLE.test(text)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
