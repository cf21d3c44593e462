import "server-only";
import { TZDate } from "@date-fns/tz";
import { DEFAULT_PUBLISH_TIME } from "@/lib/limits";
import { db as defaultDb, type Db } from "@/server/db";
import { env } from "@/server/env";
import { dateToDay, dayToDate } from "@/server/plan/preview-plan";

/** The instant of `day` ("YYYY-MM-DD") at `time` ("HH:MM") in `timeZone` (a time a DST change skips moves forward). */
export function momentIn(day: string, time: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, date, hours, minutes, timeZone).getTime());
}

/** A plan month's publish time ("HH:MM" in PUBLISH_TIMEZONE): its own, or DEFAULT_PUBLISH_TIME. */
export async function publishTimeOf(month: string, db: Db = defaultDb): Promise<string> {
  const row = await db.planMonth.findUnique({ where: { month } });
  return row?.publishTime ?? DEFAULT_PUBLISH_TIME;
}

/** The plan day ("YYYY-MM-DD") of the script a plan item made this video for; null for a video no plan made. */
export async function planDayOf(videoId: string): Promise<string | null> {
  const item = await defaultDb.batchItem.findUnique({
    where: { videoId },
    select: { planScript: { select: { date: true } } },
  });
  return item ? dateToDay(item.planScript.date) : null;
}

/**
 * When a plan video should become public: its script's plan date at its month's publish time in PUBLISH_TIMEZONE.
 * Null for a video that no plan item made (it has no plan date).
 */
export async function planMomentOf(videoId: string): Promise<Date | null> {
  const day = await planDayOf(videoId);
  return day === null ? null : planMoment(dayToDate(day));
}

/** The plan moment of a script's date (a plan day, stored at midnight UTC): its month's publish time on that day. */
export async function planMoment(date: Date, db: Db = defaultDb): Promise<Date> {
  const day = dateToDay(date);
  return momentIn(day, await publishTimeOf(day.slice(0, 7), db), env.PUBLISH_TIMEZONE);
}
