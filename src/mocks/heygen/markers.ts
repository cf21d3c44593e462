/**
 * Text that, anywhere in a video's `script`, makes the fake misbehave the way HeyGen (or the network in front of
 * it) is known to, so that tests and `npm run dev` can exercise each failure path on purpose.
 */
export const FAKE_MARKERS = {
  /** The render fails: status `failed`, `failure_code` "RENDER_FAILED". */
  fail: "[fail]",
  /** The job is created and renders, but the create answers a gateway's 502 HTML page: the caller can't know. */
  gateway502: "[gateway-502]",
  /** The job is created and renders, but the create never answers (until the client aborts, or `hangMs`). */
  hang: "[hang]",
  /** The job is created; the create answers 200 with a body that is not JSON. */
  unreadable200: "[unreadable-200]",
  /** 402 insufficient_credit, no job. */
  insufficientCredit: "[402]",
  /** 429 rate_limit_exceeded with `Retry-After: 30`, no job. */
  rateLimited: "[429]",
  /** Every delivery of the job's event is sent twice, with the same event id. */
  duplicateWebhook: "[duplicate-webhook]",
  /** Deliveries go out `lateDeliveryMs` after the render finished, while the status already shows the outcome. */
  lateWebhook: "[late-webhook]",
  /** The render finishes but nothing is delivered: a lost webhook (the event is still in the events history). */
  noWebhook: "[no-webhook]",
  /**
   * The render completes, but HeyGen's CDN is not ready with its files yet: the first `mediaLateRequests` (default 2)
   * requests for the video's media files answer 403, then 404, alternately; later ones are served.
   */
  mediaLate: "[media-late]",
} as const;

export type FakeMarker = keyof typeof FAKE_MARKERS;

/** Kept as its own export: older tests and the dev banner name it. */
export const FAKE_FAIL_MARKER = FAKE_MARKERS.fail;

export function markersIn(script: string | null | undefined): Set<FakeMarker> {
  const found = new Set<FakeMarker>();
  if (!script) return found;
  for (const [name, text] of Object.entries(FAKE_MARKERS) as Array<[FakeMarker, string]>) {
    if (script.includes(text)) found.add(name);
  }
  return found;
}
