import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { processWide } from "@/server/process-wide";

/** Failed logins allowed per client before it is blocked, and for how long the count and the block last. */
export const CLIENT_FAILURES = 5;
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
      keyPrefix: "login_fail_client",
      points: CLIENT_FAILURES,
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

/** One pool and one pair of limiters per process (process-wide.ts). */
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

/** Seconds until this client may try again, or null when it may try now. Checked before the password. */
export async function loginBlockedFor(client: string): Promise<number | null> {
  const { client: perClient, overall } = limiters();
  const [mine, everyone] = await Promise.all([perClient.get(client), overall.get(OVERALL_KEY)]);
  const waits = [
    mine && mine.consumedPoints >= CLIENT_FAILURES ? mine.msBeforeNext : 0,
    everyone && everyone.consumedPoints >= OVERALL_FAILURES ? everyone.msBeforeNext : 0,
  ];
  const wait = Math.max(...waits);
  return wait > 0 ? seconds(wait) : null;
}

/** Counts a wrong password; the client's last allowed failure starts a full block. */
export async function recordLoginFailure(client: string): Promise<void> {
  const { client: perClient, overall } = limiters();
  // consume() rejects with the counter itself once it is past its points (concurrent failures): still counted.
  const counted = (result: Promise<RateLimiterRes>) =>
    result.catch((error: unknown) => {
      if (error instanceof RateLimiterRes) return error;
      throw error;
    });
  const [mine] = await Promise.all([counted(perClient.consume(client)), counted(overall.consume(OVERALL_KEY))]);
  if (mine.consumedPoints >= CLIENT_FAILURES) await perClient.block(client, CLIENT_BLOCK_SECONDS);
}

/** A right password clears the client's failures (the overall count only expires). */
export async function recordLoginSuccess(client: string): Promise<void> {
  await limiters().client.delete(client);
}
