/**
 * Every error the API answers on purpose: a code, its HTTP status (this table is the only place that
 * says which), and a message safe to show. Anything else becomes a bare 500 in src/server/http/route.ts.
 */
export const ERROR_STATUS = {
  invalid_json: 400,
  invalid_input: 400,
  unauthorized: 401,
  /** A state-changing request from another site (Origin / Sec-Fetch-Site). */
  cross_origin: 403,
  invalid_signature: 401,
  stale_signature: 401,
  not_found: 404,
  /** The request clashes with what is stored (a name already taken, a row still referred to). */
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  /** A setting the environment provides: it wins over Settings, so it is changed there. */
  setting_from_environment: 409,
  /** APP_URL is missing or not https: HeyGen could not deliver webhooks to this deployment. */
  webhook_url_not_public: 409,
  /** HeyGen refused our input (it names the field when it can). */
  heygen_invalid_input: 400,
  /** HeyGen says the account has no credits left. */
  heygen_no_credits: 402,
  /** HeyGen is rate limiting us; Retry-After says when to try again. */
  heygen_rate_limited: 429,
  /** HeyGen refused the request for another reason (bad API key, unknown look, ...). */
  heygen_rejected: 502,
  /** HeyGen could not be reached or answered something unreadable. */
  heygen_unavailable: 503,
  /** A file HeyGen stores for a video (its captions) could not be fetched or read. */
  heygen_media_unavailable: 502,
  webhook_not_configured: 503,
  /** No HeyGen API key, neither in the environment nor in Settings. */
  heygen_not_configured: 503,
  /** No ENCRYPTION_KEY: Settings cannot store secrets. */
  encryption_not_configured: 503,
  /** PostgreSQL did not answer: nothing was stored, so nothing is acknowledged; a retry can succeed. */
  database_unavailable: 503,
  cron_not_configured: 503,
  /** A format this API does not produce (oEmbed's XML): the oEmbed spec's answer. */
  format_not_implemented: 501,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

type ErrorDetails = {
  /** The input field at fault, as the API names it. */
  field?: string;
  /** Sent as the Retry-After header. */
  retryAfterSeconds?: number | null;
  /** Extra top-level members of the JSON answer (e.g. the video as it now stands). */
  extra?: Record<string, unknown>;
  /**
   * For the request's log line only, never sent: what explains the failure to whoever reads the logs (another
   * system's own words, status and code), kept apart from the message written for the user.
   */
  log?: Record<string, unknown>;
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
