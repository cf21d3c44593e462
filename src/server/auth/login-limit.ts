import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterQueue, RateLimiterQueueError, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { processWide } from "@/server/process-wide";

/** Password checks allowed per client in CLIENT_WINDOW_SECONDS; the last one's failure starts a block. */
export const CLIENT_ATTEMPTS = 5;
const CLIENT_WINDOW_SECONDS = 15 * 60;
const CLIENT_BLOCK_SECONDS = 15 * 60;
/**
 * The global slow-down for clients that never logged in: one password check per second across every instance
 * (the count is in PostgreSQL). Past it they wait in line, not refused, up to PACE_QUEUE_SIZE per process, so
 * none waits more than about that many seconds; beyond that they are refused for as long.
 */
export const PACE_CHECKS_PER_SECOND = 1;
export const PACE_QUEUE_SIZE = 10;

type Limiters = { pool: Pool; client: RateLimiterPostgres; pace: RateLimiterQueue };

/** Created on first use: a small pool of its own, so a login storm cannot take the app's Prisma connections. */
function createLimiters(): Limiters {
  const pool = new Pool({
    connectionString: env.DATABASE_URL,
    application_name: "heygen-app-login-limit",
    max: 2,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", (error) => logger.warn({ err: error }, "login limiter: idle database connection failed"));
  // The table is the migration's (rate_limits), so the library must not try to create it.
  const store = { storeClient: pool, storeType: "pool", tableName: "rate_limits", tableCreated: true };
  const client = new RateLimiterPostgres({
    ...store,
    keyPrefix: "login_client",
    points: CLIENT_ATTEMPTS,
    duration: CLIENT_WINDOW_SECONDS,
  });
  const paceLimiter = new RateLimiterPostgres({
    ...store,
    keyPrefix: "login_pace",
    points: PACE_CHECKS_PER_SECOND,
    duration: 1,
  });
  return { pool, client, pace: new RateLimiterQueue(paceLimiter, { maxQueueSize: PACE_QUEUE_SIZE }) };
}

/** One pool and one set of limiters per process (process-wide.ts). */
const limiters = () => processWide("loginLimiters", createLimiters, ({ pool }) => pool.end());

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function tooManyFailures(msBeforeNext: number): AppError {
  const wait = seconds(msBeforeNext);
  const minutes = Math.ceil(wait / 60);
  const message = `Too many failed logins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  return new AppError("too_many_attempts", message, { retryAfterSeconds: wait });
}

function tooManyWaiting(): AppError {
  const wait = Math.ceil(PACE_QUEUE_SIZE / PACE_CHECKS_PER_SECOND);
  const message = `Too many logins are waiting. Try again in ${wait} seconds.`;
  return new AppError("too_many_attempts", message, { retryAfterSeconds: wait });
}

/** Who is logging in, as far as the limits go. */
export type LoginClient =
  /** A browser with a valid known-device cookie: a per-client limit of its own, and no global slow-down. */
  | { knownDeviceId: string }
  /** Anyone else, by address (null: unknown, all such share one limit), behind the global slow-down. */
  | { address: string | null };

const limitKey = (client: LoginClient) =>
  "knownDeviceId" in client ? `device:${client.knownDeviceId}` : `address:${client.address ?? "unknown"}`;

/** Waits for this unknown client's turn in the global slow-down; refused (429) when too many already wait. */
async function awaitPace(pace: RateLimiterQueue): Promise<void> {
  try {
    await pace.removeTokens(1);
  } catch (error) {
    if (error instanceof RateLimiterQueueError) throw tooManyWaiting();
    throw error;
  }
}

/**
 * Runs `checkPassword` for `client` only within the limits, and answers whether the password was right.
 *
 * The client's attempt is counted before the check (one atomic upsert), so that however many arrive at once, at
 * most CLIENT_ATTEMPTS are checked per window; the rest are refused (429) without a check, even with the right
 * password. A client without a known-device cookie then waits for its turn in the global slow-down (an attempt
 * refused there is given back: no password was checked). A right password clears the client's count; a wrong one
 * that used the last attempt blocks the client for CLIENT_BLOCK_SECONDS from then.
 */
export async function checkPasswordWithinLimits(client: LoginClient, checkPassword: () => boolean): Promise<boolean> {
  const { client: perClient, pace } = limiters();
  const key = limitKey(client);
  let attempt: RateLimiterRes;
  try {
    attempt = await perClient.consume(key);
  } catch (refused) {
    if (refused instanceof RateLimiterRes) throw tooManyFailures(refused.msBeforeNext);
    throw refused;
  }
  if (!("knownDeviceId" in client)) {
    await awaitPace(pace).catch(async (error: unknown) => {
      await perClient.reward(key);
      throw error;
    });
  }
  if (checkPassword()) {
    await perClient.delete(key);
    return true;
  }
  if (attempt.consumedPoints >= CLIENT_ATTEMPTS) await perClient.block(key, CLIENT_BLOCK_SECONDS);
  return false;
}
