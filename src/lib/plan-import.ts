import { delimitedRecords, type TextRecord } from "./delimited-text";
import { PLAN_IMPORT_MAX_ROWS, SCRIPT_MAX_LENGTH, TITLE_MAX_LENGTH } from "./limits";
import { tag as tagSchema } from "./tags";

/**
 * Reading a content plan from text, the same in the browser (instant feedback) and on the server (the check that
 * counts). Two formats, both read by lib/delimited-text in one pass (stopping past the row limit) so quoting, commas
 * and newlines inside a script, a BOM and CRLF behave alike, and any text of the allowed size is read at once:
 * - "csv": a header line `date,title,script,presenter_or_tag`, then one row per script; the header's line says
 *   whether the file is comma- or tab-separated.
 * - "lines": no header, one script per line, the same four columns separated by tabs (as pasted from a
 *   spreadsheet) or commas, whichever the line holds (a tab if it holds one).
 * The target is a presenter's name (any case) or a tag written `#morning`: the "#" makes a tag unmistakable
 * without a second column, and is how people already write tags.
 */

export const PLAN_COLUMNS = ["date", "title", "script", "presenter_or_tag"] as const;
export const PLAN_FORMATS = ["csv", "lines"] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export type PlanTarget = { kind: "presenter"; name: string } | { kind: "tag"; tag: string };
export type PlanRowError = { field: (typeof PLAN_COLUMNS)[number] | "row"; message: string };
export type ParsedPlanRow = {
  /** The line in the text where the row starts (1-based), as an editor shows it. */
  line: number;
  date: string;
  title: string;
  script: string;
  /** As written in the file. */
  target: string;
  parsedTarget: PlanTarget | null;
  errors: PlanRowError[];
};
export type ParsedPlan = { rows: ParsedPlanRow[]; error: string | null };

type ResolvedPlanRow = Omit<ParsedPlanRow, "parsedTarget"> & {
  presenter: { id: string; name: string } | null;
  tag: string | null;
};

/**
 * The preview the API answers: each row as parsed, its presenter or tag resolved, every error found, and the videos a
 * valid row becomes once generated: who says it today (its presenter if active, or every active presenter carrying its
 * tag), their estimated spoken length and cost. Totals over the valid rows.
 */
export type PlanPreviewRow = ResolvedPlanRow & { speakers: string[]; seconds: number; costUsd: number };
export type PlanPreview = {
  rows: PlanPreviewRow[];
  counts: { valid: number; invalid: number; total: number; videos: number };
  seconds: number;
  costUsd: number;
};

/** A saved script as the API and the month view show it. */
export type PlanScriptView = Omit<ResolvedPlanRow, "line" | "target" | "errors"> & { id: string };

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isPlanDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function parsePlan(text: string, format: PlanFormat): ParsedPlan {
  const records = delimitedRecords(text, format === "csv" ? "first-line" : "per-line");
  if (format === "csv") {
    const names = records
      .next()
      .value?.cells.map((cell) => cell.trim().toLowerCase())
      .join(",");
    if (names !== PLAN_COLUMNS.join(",")) {
      return { rows: [], error: `The first line must be the header ${PLAN_COLUMNS.join(",")}.` };
    }
  }
  const rows: ParsedPlanRow[] = [];
  for (const record of records) {
    // Stop reading at the limit: the text can be 1 MiB of one-character lines.
    if (rows.length === PLAN_IMPORT_MAX_ROWS) {
      return { rows: [], error: `An import holds at most ${PLAN_IMPORT_MAX_ROWS} scripts; this one has more.` };
    }
    rows.push(checkRow(record));
  }
  if (rows.length === 0) return { rows: [], error: "There are no scripts in the text." };
  return { rows, error: null };
}

function checkRow({ line, cells, unclosedQuote }: TextRecord): ParsedPlanRow {
  const [date = "", title = "", script = "", target = ""] = cells
    .slice(0, PLAN_COLUMNS.length)
    .map((cell) => cell.trim());
  const errors: PlanRowError[] = [];
  if (unclosedQuote) errors.push({ field: "row", message: "opens a quote that is never closed" });
  if (cells.length !== PLAN_COLUMNS.length) {
    errors.push({ field: "row", message: `has ${cells.length} columns instead of ${PLAN_COLUMNS.length}` });
  }
  if (!isPlanDate(date)) errors.push({ field: "date", message: "must be a real date written YYYY-MM-DD" });
  errors.push(...lengthErrors("title", title, TITLE_MAX_LENGTH), ...lengthErrors("script", script, SCRIPT_MAX_LENGTH));
  const parsedTarget = readTarget(target, errors);
  return { line, date, title, script, target, parsedTarget, errors };
}

function lengthErrors(field: "title" | "script", value: string, max: number): PlanRowError[] {
  if (!value) return [{ field, message: "must not be empty" }];
  if (value.length > max) return [{ field, message: `must be at most ${max} characters` }];
  return [];
}

function readTarget(target: string, errors: PlanRowError[]): PlanTarget | null {
  if (!target) {
    errors.push({ field: "presenter_or_tag", message: "must name a presenter or a #tag" });
    return null;
  }
  if (!target.startsWith("#")) return { kind: "presenter", name: target };
  const parsed = tagSchema.safeParse(target.slice(1));
  if (parsed.success) return { kind: "tag", tag: parsed.data };
  errors.push({ field: "presenter_or_tag", message: `tag ${parsed.error.issues[0]?.message}` });
  return null;
}

/** The key two scripts share when one duplicates the other: same day, same title (any case), same target. */
export function planRowKey(date: string, title: string, target: { presenterId: string } | { tag: string }): string {
  const to = "presenterId" in target ? `p:${target.presenterId}` : `t:${target.tag}`;
  return `${date}|${title.toLowerCase()}|${to}`;
}
