import "server-only";
import { randomUUID } from "node:crypto";
import type { PlanFormat } from "@/lib/plan-import";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { previewPlan } from "./preview-plan";

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
  // One INSERT of arrays rather than createMany: Prisma builds a createMany's statement and a cuid per row on the
  // event loop, and 1,000 rows held every other request for seconds on a loaded machine. The ids are random UUIDs
  // without dashes (ids stay lowercase letters and digits, as cuids are).
  const saved = await db.$executeRaw`
    INSERT INTO "PlanScript" ("id", "date", "title", "script", "presenterId", "tag", "updatedAt")
    SELECT *, now() FROM unnest(
      ${valid.map(() => randomUUID().replaceAll("-", ""))}::text[],
      ${valid.map((row) => row.date)}::date[],
      ${valid.map((row) => row.title)}::text[],
      ${valid.map((row) => row.script)}::text[],
      ${valid.map((row) => row.presenter?.id ?? null)}::text[],
      ${valid.map((row) => (row.presenter ? null : row.tag))}::text[]
    )`;
  return { saved };
}
