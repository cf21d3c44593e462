import "server-only";
import type { PlanFormat } from "@/lib/plan-import";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { dayToDate, previewPlan } from "./preview-plan";

/**
 * Saves a plan's valid rows in one statement (all or nothing). With errors and without `skipInvalid` nothing is
 * saved and the answer is a 400 carrying the preview, so the caller sees which lines to fix.
 */
export async function importPlan(text: string, format: PlanFormat, skipInvalid: boolean): Promise<{ saved: number }> {
  const preview = await previewPlan(text, format);
  if (preview.counts.invalid > 0 && !skipInvalid) {
    throw new AppError(
      "invalid_input",
      `${preview.counts.invalid} of ${preview.counts.total} rows have errors; nothing was saved.`,
      {
        field: "text",
        extra: { preview },
      },
    );
  }
  const valid = preview.rows.filter((row) => row.errors.length === 0);
  const { count } = await db.planScript.createMany({
    data: valid.map((row) => ({
      date: dayToDate(row.date),
      title: row.title,
      script: row.script,
      presenterId: row.presenter?.id ?? null,
      tag: row.presenter ? null : row.tag,
    })),
  });
  return { saved: count };
}
