/**
 * Why a HeyGen call failed. Only `rejected` is a definite answer: HeyGen's own error envelope with a 4xx
 * status, so the request had no effect. Every other kind leaves the outcome unknown: a create may have
 * made a (billed) video, so it must never be resent blindly.
 * - `timeout`, `network`: no answer arrived;
 * - `server_error`: a 5xx (HeyGen's or a gateway's);
 * - `not_heygen`: a 4xx without HeyGen's envelope (a gateway's or proxy's page);
 * - `unreadable`: a 2xx whose body we cannot read.
 * `not_configured` is as definite as `rejected`: there was no API key, so nothing was sent.
 */
export type HeygenErrorKind =
  "rejected" | "not_configured" | "timeout" | "network" | "server_error" | "not_heygen" | "unreadable";

export class HeygenError extends Error {
  readonly kind: HeygenErrorKind;
  /** HTTP status of HeyGen's answer; null when none arrived. */
  readonly status: number | null;
  /** HeyGen's error code, e.g. "invalid_parameter". */
  readonly code: string | null;
  /** The request field HeyGen blamed, e.g. "voice_id". */
  readonly param: string | null;
  /** From Retry-After (seconds or an HTTP date). */
  readonly retryAfterSeconds: number | null;

  constructor(
    kind: HeygenErrorKind,
    message: string,
    details: {
      status?: number | null;
      code?: string | null;
      param?: string | null;
      retryAfterSeconds?: number | null;
    } = {},
  ) {
    super(message);
    this.name = "HeygenError";
    this.kind = kind;
    this.status = details.status ?? null;
    this.code = details.code ?? null;
    this.param = details.param ?? null;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
  }

  /** HeyGen itself refused, or nothing was sent: nothing was created or changed. */
  get rejected(): boolean {
    return this.kind === "rejected" || this.kind === "not_configured";
  }
}

/** Retry-After as seconds: a number of seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds : null;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The HeygenError behind `error`, or null when it is anything else (a bug, a database failure: not HeyGen's). */
export function heygenErrorOf(error: unknown): HeygenError | null {
  return error instanceof HeygenError ? error : null;
}

/**
 * What a HeyGen failure means for the app, whatever was asked:
 * - `no_key`: no API key is configured, so nothing was sent;
 * - `key_refused`: HeyGen refused the key (401/403);
 * - `no_credits`: the account has run out (402);
 * - `rate_limited`: too many requests (429), with HeyGen's wait when it gave one;
 * - `invalid_input`: HeyGen refused a field (400/422), `param` in HeyGen's terms (e.g. "voice_id") when it named one;
 * - `not_found`: HeyGen has no such thing (404);
 * - `refused`: any other refusal in HeyGen's own words;
 * - `unavailable`: no readable answer (timeout, network, 5xx, a gateway's page, an unreadable body): what was asked
 *   may or may not have happened, so a write must never be resent blindly.
 * Every kind but `unavailable` is `definite`: HeyGen did nothing.
 */
export type HeygenFailureKind =
  "no_key" | "key_refused" | "no_credits" | "rate_limited" | "invalid_input" | "not_found" | "refused" | "unavailable";

export type HeygenFailure = {
  kind: HeygenFailureKind;
  /** Nothing happened at HeyGen (every kind but `unavailable`). */
  definite: boolean;
  /** HeyGen's own words, or what went wrong on the way: for logs and admins, never for anonymous viewers. */
  message: string;
  /** HeyGen's HTTP status; null when no answer arrived. */
  status: number | null;
  /** HeyGen's error code ("invalid_parameter"), for logs; null when it gave none. */
  code: string | null;
  /** The request field HeyGen blamed, in HeyGen's terms ("voice_id", "voice_settings.speed"); null when none. */
  param: string | null;
  /** How long HeyGen asked us to wait (429), in seconds; null when it did not say. */
  retryAfterSeconds: number | null;
};

/** The one reading of a HeyGen failure: null when `error` is not one (rethrow it: it is a bug or another system's). */
export function classifyHeygenFailure(error: unknown): HeygenFailure | null {
  const heygenError = heygenErrorOf(error);
  if (!heygenError) return null;
  const { status, code, param, retryAfterSeconds, message } = heygenError;
  return { kind: kindOf(heygenError), definite: heygenError.rejected, message, status, code, param, retryAfterSeconds };
}

function kindOf(error: HeygenError): HeygenFailureKind {
  if (error.kind === "not_configured") return "no_key";
  if (!error.rejected) return "unavailable";
  switch (error.status) {
    case 401:
    case 403:
      return "key_refused";
    case 402:
      return "no_credits";
    case 429:
      return "rate_limited";
    case 400:
    case 422:
      return "invalid_input";
    case 404:
      return "not_found";
    default:
      return "refused";
  }
}
