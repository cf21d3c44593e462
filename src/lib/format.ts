/** 75 → "1:15" */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.round(totalSeconds);
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

/** Largest unit first: an age is said in the largest unit it has at least one of. */
const AGE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];
const relativeTime = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** How long ago: "3 days ago", "yesterday", "5 minutes ago", "just now". */
export function formatAge(iso: string, now: number = Date.now()): string {
  const seconds = (now - Date.parse(iso)) / 1_000;
  const [unit, size] = AGE_UNITS.find(([, size]) => seconds >= size) ?? [];
  return unit && size ? relativeTime.format(-Math.floor(seconds / size), unit) : "just now";
}

/** A rough span for estimates: 100 → "about 2 min", 40 → "under a minute". */
export function formatRoughDuration(seconds: number): string {
  return seconds < 60 ? "under a minute" : `about ${Math.round(seconds / 60)} min`;
}

/** A day of the plan, "2026-12-08" → "Tue 8 Dec": the day itself, in no time zone (plan days are calendar days). */
export function formatPlanDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
}
