/**
 * Why a HeyGen call failed:
 * - `rejected`: HeyGen answered with an error; the request had no effect.
 * - `unreachable`: timeout or network failure; HeyGen may or may not have acted on it.
 * - `invalid_response`: HeyGen answered 2xx with a body we do not understand.
 */
export type HeygenErrorKind = "rejected" | "unreachable" | "invalid_response";

export class HeygenError extends Error {
  readonly kind: HeygenErrorKind;
  /** HTTP status HeyGen answered with; null when no answer arrived. */
  readonly status: number | null;
  /** HeyGen's own error code (e.g. "invalid_parameter", 40009), when it sent one. */
  readonly code: string | null;
  /** Seconds from a 429's Retry-After header. */
  readonly retryAfterSeconds: number | null;

  constructor(
    kind: HeygenErrorKind,
    message: string,
    details: { status?: number | null; code?: string | null; retryAfterSeconds?: number | null } = {},
  ) {
    super(message);
    this.name = "HeygenError";
    this.kind = kind;
    this.status = details.status ?? null;
    this.code = details.code ?? null;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
  }
}
