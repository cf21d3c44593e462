import "server-only";
import { itemState } from "@/lib/batch";
import { languageTag } from "@/lib/languages";
import {
  emptyCounts,
  emptyTranslationCounts,
  matrixQuery,
  translationState,
  type LanguageCell,
  type PlanMatrix,
  type PlanMatrixCell,
  type PlanMatrixColumn,
} from "@/lib/plan-matrix";
import { describeFirstIssue } from "@/lib/validation";
import { isScheduled, viewersMaySee, type VideoVisibility } from "@/lib/visibility";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { dateToDay, dayToDate } from "./preview-plan";

type Presenter = PlanMatrixColumn & { tags: string[]; languages: string[] };
type LatestItem = {
  presenter: Presenter;
  language: string | null;
  error: string | null;
  status: Parameters<typeof itemState>[0];
  videoId: string | null;
  batchId: string;
  video: {
    status: NonNullable<Parameters<typeof itemState>[1]>;
    visibility: VideoVisibility;
    publishAt: Date | null;
    rejectedAt: Date | null;
    rejectionReason: string | null;
    error: string | null;
  } | null;
};

const MISSING: PlanMatrixCell = { state: "missing", videoId: null, batchId: null, languages: [] };
const PRESENTER = { id: true, name: true, active: true, tags: true, languages: true } as const;

/**
 * Where every (script, presenter) pair of a month (month = "YYYY-MM") stands, from the pair's latest batch item and
 * its video. Two queries for the whole month: its scripts with their items, and the active presenters with tags.
 * A pair is shown when its script is for the presenter now (named, or an active carrier of its tag) or when it has a
 * video made, on its way or failed: what was made stays in the plan whatever happens to the presenter later
 * (deactivated, tag removed); only what is missing depends on who the script is for today.
 */
export async function planMatrix(month: string, now = new Date()): Promise<PlanMatrix> {
  const start = dayToDate(`${month}-01`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const [scripts, tagged] = await Promise.all([
    db.planScript.findMany({
      where: { date: { gte: start, lt: end } },
      orderBy: [{ date: "asc" }, { title: "asc" }],
      select: {
        id: true,
        date: true,
        title: true,
        tag: true,
        presenter: { select: PRESENTER },
        // Newest first: the first item of a pair (or of a pair's language) is its latest.
        batchItems: {
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: {
            presenter: { select: PRESENTER },
            language: true,
            error: true,
            status: true,
            videoId: true,
            batchId: true,
            video: {
              select: {
                status: true,
                visibility: true,
                publishAt: true,
                rejectedAt: true,
                rejectionReason: true,
                error: true,
              },
            },
          },
        },
      },
    }),
    db.presenter.findMany({
      where: { active: true, tags: { isEmpty: false } },
      select: PRESENTER,
    }),
  ]);

  // Per script, each pair's cell: the latest item's (items come newest first), or Missing for whoever the script is
  // for today and has nothing live; a pair whose latest item left it missing shows only while the script is for them.
  const cellsOf = (script: (typeof scripts)[number]) => {
    const cells = new Map<string, { presenter: Presenter; cell: PlanMatrixCell }>();
    const videoItems = script.batchItems.filter((item) => item.language === null);
    for (const item of videoItems) {
      if (!cells.has(item.presenter.id))
        cells.set(item.presenter.id, { presenter: item.presenter, cell: cellOf(item, now) });
    }
    const current = script.presenter
      ? [script.presenter]
      : tagged.filter((presenter) => script.tag !== null && presenter.tags.includes(script.tag));
    const currentIds = new Set(current.map((presenter) => presenter.id));
    for (const [id, { cell }] of cells) if (cell.state === "missing" && !currentIds.has(id)) cells.delete(id);
    for (const presenter of current)
      if (!cells.has(presenter.id)) cells.set(presenter.id, { presenter, cell: { ...MISSING } });
    for (const { presenter, cell } of cells.values()) {
      const items = script.batchItems.filter((item) => item.presenter.id === presenter.id && item.language !== null);
      cell.languages = languageCells(presenter.languages, items);
    }
    return cells;
  };
  const scriptCells = new Map(scripts.map((script) => [script.id, cellsOf(script)]));

  const columns = new Map<string, PlanMatrixColumn>();
  for (const cells of scriptCells.values()) {
    for (const { presenter } of cells.values()) {
      const { id, name, active } = presenter;
      columns.set(id, { id, name, active });
    }
  }
  const ordered = [...columns.values()].sort((a, b) => a.name.localeCompare(b.name));

  const counts = emptyCounts();
  const translationCounts = emptyTranslationCounts();
  const rows = scripts.map((script) => {
    const cells = ordered.map(({ id }) => {
      const cell = scriptCells.get(script.id)?.get(id)?.cell ?? null;
      if (cell) counts[cell.state] += 1;
      for (const language of cell?.languages ?? []) translationCounts[language.state] += 1;
      return cell;
    });
    const { id, date, title, tag, presenter } = script;
    return {
      id,
      date: dateToDay(date),
      title,
      tag,
      presenter: presenter && { id: presenter.id, name: presenter.name },
      cells,
    };
  });
  return { month, timeZone: env.PUBLISH_TIMEZONE, columns: ordered, rows, counts, translationCounts };
}

/**
 * A pair's translations: each language its presenter carries now, and any it has an item for (what was queued or made
 * stays shown after the presenter drops the language), by name; each from its latest item (items come newest first).
 */
function languageCells(wanted: string[], items: LatestItem[]): LanguageCell[] {
  const latest = new Map<string, LatestItem>();
  for (const item of items) if (!latest.has(item.language!)) latest.set(item.language!, item);
  const names = [...new Set([...wanted, ...latest.keys()])].sort((a, b) => a.localeCompare(b));
  return names.flatMap((language): LanguageCell[] => {
    const item = latest.get(language);
    const state = item ? translationState(itemState(item.status, item.video?.status ?? null)) : "missing";
    // A language dropped by the presenter whose item left it missing (cancelled) is no longer asked for.
    if (state === "missing" && !wanted.includes(language)) return [];
    const error = state === "failed" ? (item?.error ?? item?.video?.error ?? undefined) : undefined;
    return [
      {
        language,
        tag: languageTag(language),
        state,
        videoId: state === "missing" ? null : (item?.videoId ?? null),
        ...(error && { error }),
      },
    ];
  });
}

/** The `month` of the matrix route's query: a 400 naming it when it is missing or not YYYY-MM. */
export function readMatrixMonth(params: URLSearchParams): string {
  const parsed = matrixQuery.safeParse({ month: params.get("month") ?? undefined });
  if (!parsed.success)
    throw new AppError("invalid_input", describeFirstIssue(parsed.error).message, { field: "month" });
  return parsed.data.month;
}

/**
 * A cancelled item, or one whose video was deleted, leaves the pair missing (the next batch makes it). A made video
 * says where it stands in review and publishing: awaiting review, rejected (with why), scheduled (with when),
 * published, or kept private.
 */
function cellOf(item: LatestItem, now: Date): PlanMatrixCell {
  const state = itemState(item.status, item.video?.status ?? null);
  const cell = { videoId: item.videoId, batchId: item.batchId, languages: [] };
  if (state === "cancelled") return { state: "missing", ...cell };
  if (state !== "completed" || !item.video) return { state, ...cell };
  const video = item.video;
  if (video.rejectedAt) return { state: "rejected", ...cell, reason: video.rejectionReason ?? "" };
  if (video.visibility === "DRAFT") return { state: "awaiting_review", ...cell };
  if (isScheduled(video, now.getTime()))
    return { state: "scheduled", ...cell, publishAt: video.publishAt!.toISOString() };
  return { state: viewersMaySee(video, now.getTime()) ? "published" : "completed", ...cell };
}
