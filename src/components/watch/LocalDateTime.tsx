"use client";

import { useHydrated } from "@/hooks/use-hydrated";
import { formatDate } from "@/lib/format";

/** The reader's own locale and time zone, with the zone named: "7 Dec 2026, 10:18 EST". */
const LOCAL: Intl.DateTimeFormatOptions = {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
};

/**
 * A moment in the reader's time zone. The server cannot know that zone, so the server's HTML and the first render
 * in the browser (hydration) say it in UTC and agree; once hydrated it is said in the browser's zone.
 */
export function LocalDateTime({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  return <time dateTime={iso}>{hydrated ? new Date(iso).toLocaleString(undefined, LOCAL) : formatDate(iso)}</time>;
}
