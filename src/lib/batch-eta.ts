/** What the estimate needs: the batch's items still to make, the queue's settings and the typical render time. */
export type EtaInput = {
  /** Items not sent yet. */
  waiting: number;
  /** Items sent and not finished (submitted or rendering): each holds one of the in-flight slots. */
  inFlight: number;
  submitIntervalMs: number;
  maxInFlight: number;
  renderSeconds: number;
};

/**
 * Seconds until every item is made, or null when nothing is left. A deliberately simple model:
 * - the slots free now are filled at once, one create per submit interval;
 * - after that, a create waits for a slot: with `maxInFlight` renders of `renderSeconds` each running side by
 *   side, a slot frees every `renderSeconds / maxInFlight`, and never faster than the submit interval;
 * - the last one sent then takes one typical render (in-flight items are counted as just sent, so an estimate
 *   errs long rather than short).
 */
export function batchEtaSeconds({
  waiting,
  inFlight,
  submitIntervalMs,
  maxInFlight,
  renderSeconds,
}: EtaInput): number | null {
  if (waiting <= 0 && inFlight <= 0) return null;
  const interval = submitIntervalMs / 1000;
  const sentAtOnce = Math.min(waiting, Math.max(0, maxInFlight - inFlight));
  const sentLater = waiting - sentAtOnce;
  const spacing = Math.max(interval, renderSeconds / maxInFlight);
  return Math.ceil(sentAtOnce * interval + sentLater * spacing + renderSeconds);
}

/** An ETA in words: "under a minute", "about 12 min", "about 2 h 5 min". */
export function formatEta(seconds: number): string {
  if (seconds < 60) return "under a minute";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const rest = minutes % 60;
  return `about ${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ""}`;
}
