import pRetry from "p-retry";
import type { z } from "zod";
import { HeygenError, heygenErrorOf, parseRetryAfter } from "./failures";
import { heygenErrorEnvelope } from "./schemas";

export type HeygenConfig = {
  /** API origin, e.g. https://api.heygen.com (or the offline fake's). */
  apiUrl: string;
  /** The key, or where to get it for each call (the app's: the environment, else Settings); null: there is none. */
  apiKey: string | (() => Promise<string | null>);
  /** Longest wait for one call. */
  timeoutMs: number;
  /** Where the client reports oddities (an unknown status, a list cut short). Default: stderr. */
  warn?: (fields: Record<string, unknown>, message: string) => void;
  /** Retries after a retryable failure (default 2), the first after about `retryBaseMs` (default 250), then doubling. */
  retries?: number;
  retryBaseMs?: number;
};

/**
 * `idempotent`: reads, retried after a network error, a timeout, a 5xx or a 429. `after_429_only`: writes such as
 * creating a video, retried only when HeyGen said 429 (it made nothing); never after an ambiguous failure, which
 * may have made a (billed) video. `never`: one request, whatever the answer, for a caller that paces its requests
 * itself (a 429 retried here, behind its back, would slip between the requests it spaces).
 */
export type RetryPolicy = "idempotent" | "after_429_only" | "never";

/** A Retry-After longer than this is not waited for: the caller gets HeyGen's refusal at once. */
export const MAX_RETRY_AFTER_SECONDS = 10;
/** However many retries are left, a call gives up after this long. */
const MAX_RETRY_TIME_MS = 30_000;

export type CallOptions<S extends z.ZodType> = {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Sent as the Idempotency-Key header (HeyGen's support for it is unconfirmed: rely on nothing from it). */
  idempotencyKey?: string;
  schema: S;
  /** Default: idempotent for GET, after_429_only otherwise. */
  retry?: RetryPolicy;
};

/** One HeyGen call with its retries (p-retry: exponential backoff with jitter, Retry-After honoured, capped). */
export async function heygenCall<S extends z.ZodType>(config: HeygenConfig, path: string, options: CallOptions<S>) {
  const policy = options.retry ?? ((options.method ?? "GET") === "GET" ? "idempotent" : "after_429_only");
  const apiKey = typeof config.apiKey === "string" ? config.apiKey : await config.apiKey();
  if (!apiKey) throw new HeygenError("not_configured", "No HeyGen API key is configured");
  return pRetry(() => heygenCallOnce(config, apiKey, path, options), {
    retries: config.retries ?? 2,
    minTimeout: config.retryBaseMs ?? 250,
    factor: 2,
    randomize: true,
    maxRetryTime: MAX_RETRY_TIME_MS,
    shouldRetry: ({ error }) => isRetryable(error, policy),
    // HeyGen's wait, before a retry only: the last refusal goes back to the caller at once.
    onFailedAttempt: async ({ error, retriesLeft }) => {
      const wait = heygenErrorOf(error)?.retryAfterSeconds;
      if (wait && retriesLeft > 0 && isRetryable(error, policy))
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    },
  });
}

function isRetryable(error: Error, policy: RetryPolicy): boolean {
  const heygenError = heygenErrorOf(error);
  if (!heygenError || policy === "never") return false;
  const { status, retryAfterSeconds, kind } = heygenError;
  if (status === 429) return retryAfterSeconds === null || retryAfterSeconds <= MAX_RETRY_AFTER_SECONDS;
  return policy === "idempotent" && ["timeout", "network", "server_error"].includes(kind);
}

/**
 * One HeyGen request: API key, timeout, response validation, and an honest HeygenError for every failure.
 * Only HeyGen's own error envelope with a 4xx is a rejection; everything else leaves the outcome unknown.
 */
async function heygenCallOnce<S extends z.ZodType>(
  config: HeygenConfig,
  apiKey: string,
  path: string,
  options: CallOptions<S>,
) {
  const { method = "GET", query = {}, body, idempotencyKey, schema } = options;
  const url = new URL(path, config.apiUrl);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
  const label = `${method} ${url.pathname}`;

  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method,
      headers: {
        "x-api-key": apiKey,
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(config.timeoutMs),
      cache: "no-store",
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    throw timedOut
      ? new HeygenError("timeout", `HeyGen did not answer ${label} within ${config.timeoutMs / 1000} s`)
      : new HeygenError("network", `HeyGen could not be reached for ${label}`);
  }

  const json = parseJson(text);
  if (!response.ok) throw failure(response, json, label);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new HeygenError("unreadable", `HeyGen sent an unreadable answer to ${label} (HTTP ${response.status})`, {
      status: response.status,
    });
  }
  return parsed.data as z.output<S>;
}

function failure(response: Response, json: unknown, label: string): HeygenError {
  const status = response.status;
  const envelope = heygenErrorEnvelope.safeParse(json);
  if (envelope.success && status < 500) {
    const { code, message, param } = envelope.data.error;
    return new HeygenError("rejected", message, {
      status,
      code: code === null || code === undefined ? null : String(code),
      param: param ?? null,
      retryAfterSeconds: parseRetryAfter(response.headers.get("retry-after")),
    });
  }
  if (status >= 500) {
    const said = envelope.success ? `: ${envelope.data.error.message}` : "";
    return new HeygenError("server_error", `HeyGen answered ${label} with HTTP ${status}${said}`, { status });
  }
  return new HeygenError("not_heygen", `${label} was answered HTTP ${status} by something other than HeyGen`, {
    status,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
