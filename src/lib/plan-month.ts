import { batchSelection } from "./batch";
import { z } from "./zod";

/** "HH:MM", 24-hour: 00:00 to 23:59. */
const PUBLISH_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** PUT /api/admin/plan/months/{YYYY-MM}: when the month's approved videos become public on their plan dates. */
export const publishTimeInput = z.object({
  publishTime: z
    .string({ error: "must be a time written HH:MM" })
    .regex(PUBLISH_TIME_PATTERN, "must be a time written HH:MM, from 00:00 to 23:59"),
});
export type PublishTimeInput = z.output<typeof publishTimeInput>;

/** The month of the route's path, checked as the batch selection checks it. */
export const planMonthParam = batchSelection.pick({ month: true });

/** GET and PUT /api/admin/plan/months/{YYYY-MM}: the month's publish time, in which time zone, and whether it is set. */
export type PlanMonthView = {
  month: string;
  /** "HH:MM" in timeZone: the month's own, or the default. */
  publishTime: string;
  /** PUBLISH_TIMEZONE: an IANA name ("UTC", "Europe/Paris"). */
  timeZone: string;
  /** False: the month has no publish time of its own and uses the default (DEFAULT_PUBLISH_TIME). */
  custom: boolean;
};
