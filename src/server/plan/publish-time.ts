import "server-only";
import type { PlanMonthView } from "@/lib/plan-month";
import { planMonthParam } from "@/lib/plan-month";
import { describeFirstIssue } from "@/lib/validation";
import { DEFAULT_PUBLISH_TIME } from "@/lib/limits";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";

/** A month's publish time as the plan page and the API show it. */
export async function planMonthView(month: string): Promise<PlanMonthView> {
  const row = await db.planMonth.findUnique({ where: { month } });
  return {
    month,
    publishTime: row?.publishTime ?? DEFAULT_PUBLISH_TIME,
    timeZone: env.PUBLISH_TIMEZONE,
    custom: row !== null,
  };
}

/**
 * Sets the month's publish time (one upsert). It applies to what is approved (or, without review, made) from now on:
 * videos already scheduled keep their moment; an admin moves one through PATCH /api/admin/videos/{id}.
 */
export async function setPublishTime(month: string, publishTime: string): Promise<PlanMonthView> {
  await db.planMonth.upsert({ where: { month }, create: { month, publishTime }, update: { publishTime } });
  return planMonthView(month);
}

/** The `month` of the route's path: a 400 naming it when it is not YYYY-MM. */
export function readPlanMonth(month: string): string {
  const parsed = planMonthParam.safeParse({ month });
  if (!parsed.success)
    throw new AppError("invalid_input", describeFirstIssue(parsed.error).message, { field: "month" });
  return parsed.data.month;
}
