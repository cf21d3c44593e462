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

/** A moment in a named time zone, "Tue 8 Dec, 09:00": when a scheduled video becomes public, as the plan says it. */
export function formatMomentIn(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  });
}

/** Decimal units, as disks and storage bills count them. */
const BYTE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte", "petabyte"] as const;

/** A size in the largest unit it has at least one of: 1 → "1 byte", 1_234_567 → "1.2 MB", 3e9 → "3 GB". */
export function formatBytes(bytes: number): string {
  let exponent = Math.min(BYTE_UNITS.length - 1, Math.max(0, Math.floor(Math.log10(Math.max(bytes, 1)) / 3)));
  // 999,999 bytes round to 1,000 kB: say 1 MB instead.
  if (Math.round(bytes / 1000 ** exponent) >= 1000 && exponent < BYTE_UNITS.length - 1) exponent += 1;
  const value = bytes / 1000 ** exponent;
  return new Intl.NumberFormat("en-US", {
    style: "unit",
    unit: BYTE_UNITS[exponent],
    unitDisplay: exponent === 0 ? "long" : "short",
    maximumFractionDigits: value < 10 && exponent > 0 ? 1 : 0,
  }).format(value);
}
