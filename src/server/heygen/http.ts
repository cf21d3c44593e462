import type { z } from "zod";
import { HeygenError, parseRetryAfter } from "./errors";
import { heygenErrorEnvelope } from "./schemas";

export type HeygenConfig = {
  /** API origin, e.g. https://api.heygen.com (or the offline fake's). */
  apiUrl: string;
  apiKey: string;
  /** Longest wait for one call. */
  timeoutMs: number;
};

export type CallOptions<S extends z.ZodType> = {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Sent as the Idempotency-Key header (HeyGen's support for it is unconfirmed: rely on nothing from it). */
  idempotencyKey?: string;
  schema: S;
};

/**
 * One HeyGen call: API key, timeout, response validation, and an honest HeygenError for every failure.
 * Only HeyGen's own error envelope with a 4xx is a rejection; everything else leaves the outcome unknown.
 */
export async function heygenCall<S extends z.ZodType>(config: HeygenConfig, path: string, options: CallOptions<S>) {
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
        "x-api-key": config.apiKey,
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
  return new HeygenError("not_heygen", `${label} was answered HTTP ${status} by something other than HeyGen`, { status });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
