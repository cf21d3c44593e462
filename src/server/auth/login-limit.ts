import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { processWide } from "@/server/process-wide";

/** Password checks allowed per client in CLIENT_WINDOW_SECONDS; the last one's failure starts a block. */
export const CLIENT_ATTEMPTS = 5;
const CLIENT_WINDOW_SECONDS = 15 * 60;
const CLIENT_BLOCK_SECONDS = 15 * 60;
/** Failed logins allowed from everyone together, per hour: the cap on guessing from many addresses. */
export const OVERALL_FAILURES = 100;
const OVERALL_WINDOW_SECONDS = 60 * 60;
const OVERALL_KEY = "all";

type Limiters = { pool: Pool; client: RateLimiterPostgres; overall: RateLimiterPostgres };

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
  return {
    pool,
    client: new RateLimiterPostgres({
      ...store,
      keyPrefix: "login_client",
      points: CLIENT_ATTEMPTS,
      duration: CLIENT_WINDOW_SECONDS,
    }),
    overall: new RateLimiterPostgres({
      ...store,
      keyPrefix: "login_fail_overall",
      points: OVERALL_FAILURES,
      duration: OVERALL_WINDOW_SECONDS,
    }),
  };
}

/** One pool and one set of limiters per process (process-wide.ts). */
const limiters = () => processWide("loginLimiters", createLimiters, ({ pool }) => pool.end());

/**
 * The client's address as the reverse proxy in front of the app reports it: the first hop of X-Forwarded-For,
 * else X-Real-IP. The app must sit behind a proxy that sets these, replacing what the client sent: `next start`
 * itself fills X-Forwarded-For with the socket's address only when it is missing, so a client that reaches the
 * app directly can name any address (the overall limit still holds).
 */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || request.headers.get("x-real-ip")?.trim() || "unknown";
  return address.slice(0, 100); // the key column is varchar(255)
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function tooManyFailures(msBeforeNext: number): AppError {
  const wait = seconds(msBeforeNext);
  const minutes = Math.ceil(wait / 60);
  const message = `Too many failed logins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  return new AppError("too_many_attempts", message, { retryAfterSeconds: wait });
}

/**
 * Runs `checkPassword` for `client` only within its limit, and answers whether the password was right. The
 * attempt is counted before the check (one atomic upsert), so that however many arrive at once, at most
 * CLIENT_ATTEMPTS are checked per window; the rest are refused (429) without a check, even with the right
 * password. A right password clears the client's count; a wrong one that used the last attempt blocks the
 * client for CLIENT_BLOCK_SECONDS from then.
 */
export async function checkPasswordWithinLimits(client: string, checkPassword: () => boolean): Promise<boolean> {
  const { client: perClient, overall } = limiters();
  const everyone = await overall.get(OVERALL_KEY);
  if (everyone && everyone.consumedPoints >= OVERALL_FAILURES) throw tooManyFailures(everyone.msBeforeNext);
  let attempt: RateLimiterRes;
  try {
    attempt = await perClient.consume(client);
  } catch (refused) {
    if (refused instanceof RateLimiterRes) throw tooManyFailures(refused.msBeforeNext);
    throw refused;
  }
  if (checkPassword()) {
    await perClient.delete(client);
    return true;
  }
  if (attempt.consumedPoints >= CLIENT_ATTEMPTS) await perClient.block(client, CLIENT_BLOCK_SECONDS);
  await overall.consume(OVERALL_KEY).catch((error: unknown) => {
    if (!(error instanceof RateLimiterRes)) throw error; // past its points: still counted
  });
  return false;
}
