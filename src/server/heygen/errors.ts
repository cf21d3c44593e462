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
