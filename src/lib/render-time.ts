/**
 * When a render counts as slow, one rule for the viewer's "taking longer than usual" and the admin's "overdue":
 * twice the typical render time, never under 2 minutes (a few quick renders must not make every video in flight
 * look late), and 10 minutes before any video has completed (there is no "usual" yet).
 */
export const MIN_OVERDUE_SECONDS = 120;
export const OVERDUE_WITHOUT_HISTORY_SECONDS = 600;

/** Which part of the rule set the threshold: said next to it, so the words match the number. */
export type OverdueRule = "twice_typical" | "minimum" | "no_history";

export function overdueThreshold(typicalSeconds: number | null): { seconds: number; rule: OverdueRule } {
  if (typicalSeconds === null) return { seconds: OVERDUE_WITHOUT_HISTORY_SECONDS, rule: "no_history" };
  const twice = Math.round(2 * typicalSeconds);
  return twice >= MIN_OVERDUE_SECONDS
    ? { seconds: twice, rule: "twice_typical" }
    : { seconds: MIN_OVERDUE_SECONDS, rule: "minimum" };
}
