import "server-only";
import {
  parsePlan,
  planRowKey,
  type ParsedPlanRow,
  type PlanFormat,
  type PlanPreview,
  type PlanPreviewRow,
  type PlanRowError,
} from "@/lib/plan-import";
import { costOfSeconds, spokenSeconds } from "@/lib/cost";
import { storedOptions } from "@/lib/generation-options";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * Every row of a pasted or uploaded plan with its errors: those of the text itself (lib/plan-import), then
 * those that need the database (unknown presenter or tag, a duplicate of a saved script), then duplicates
 * inside the text (the later row is the duplicate). Each valid row also says who would say it today and what that
 * costs (tags expand to every active presenter carrying them). Reads only; a text that cannot be read at all is a 400
 * on `text`.
 */
export async function previewPlan(text: string, format: PlanFormat): Promise<PlanPreview> {
  const parsed = parsePlan(text, format);
  if (parsed.error) throw new AppError("invalid_input", parsed.error, { field: "text" });
  const presenters = await db.presenter.findMany({
    select: { id: true, name: true, tags: true, active: true, options: true },
    orderBy: { name: "asc" },
  });
  const byName = new Map(presenters.map((presenter) => [presenter.name.toLowerCase(), presenter]));
  const knownTags = new Set(presenters.flatMap((presenter) => presenter.tags));
  const saved = await savedKeys(parsed.rows);
  const firstLineOf = new Map<string, number>();

  const rows = parsed.rows.map(({ parsedTarget, ...row }): PlanPreviewRow => {
    const errors: PlanRowError[] = [...row.errors];
    const presenter = parsedTarget?.kind === "presenter" ? (byName.get(parsedTarget.name.toLowerCase()) ?? null) : null;
    const tag = parsedTarget?.kind === "tag" ? parsedTarget.tag : null;
    if (parsedTarget?.kind === "presenter" && !presenter) {
      errors.push({ field: "presenter_or_tag", message: `no presenter is named “${parsedTarget.name}”` });
    }
    if (tag && !knownTags.has(tag))
      errors.push({ field: "presenter_or_tag", message: `no presenter carries the tag #${tag}` });
    if (errors.length === 0) {
      const key = planRowKey(row.date, row.title, presenter ? { presenterId: presenter.id } : { tag: tag! });
      const first = firstLineOf.get(key);
      if (saved.has(key))
        errors.push({ field: "row", message: "duplicates a saved script (same day, title and target)" });
      else if (first) errors.push({ field: "row", message: `duplicates line ${first} (same day, title and target)` });
      else firstLineOf.set(key, row.line);
    }
    const speakers =
      errors.length > 0
        ? []
        : presenters.filter((candidate) =>
            presenter
              ? candidate.id === presenter.id && candidate.active
              : candidate.active && candidate.tags.includes(tag!),
          );
    const seconds = speakers.reduce(
      (sum, speaker) => sum + spokenSeconds(row.script, storedOptions(speaker.options).voiceSpeed),
      0,
    );
    return {
      ...row,
      presenter: presenter && { id: presenter.id, name: presenter.name },
      tag,
      errors,
      speakers: speakers.map((speaker) => speaker.name),
      seconds,
      costUsd: costOfSeconds(seconds),
    };
  });
  const invalid = rows.filter((row) => row.errors.length > 0).length;
  const seconds = rows.reduce((sum, row) => sum + row.seconds, 0);
  return {
    rows,
    counts: {
      valid: rows.length - invalid,
      invalid,
      total: rows.length,
      videos: rows.reduce((sum, row) => sum + row.speakers.length, 0),
    },
    seconds,
    costUsd: costOfSeconds(seconds),
  };
}

/** Keys of the saved scripts on the days the text names. */
async function savedKeys(rows: ParsedPlanRow[]): Promise<Set<string>> {
  const days = [...new Set(rows.filter((row) => row.errors.length === 0).map((row) => row.date))];
  const scripts = await db.planScript.findMany({
    where: { date: { in: days.map(dayToDate) } },
    select: { date: true, title: true, presenterId: true, tag: true },
  });
  return new Set(
    scripts.map((script) =>
      planRowKey(
        dateToDay(script.date),
        script.title,
        script.presenterId ? { presenterId: script.presenterId } : { tag: script.tag! },
      ),
    ),
  );
}

/** A plan day (YYYY-MM-DD) as the DATE column takes it, and back. */
export const dayToDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
export const dateToDay = (date: Date) => date.toISOString().slice(0, 10);
