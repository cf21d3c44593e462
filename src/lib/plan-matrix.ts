import { batchSelection, PAIR_STATES, type ItemState, type PairState } from "./batch";

/** GET /api/admin/plan/matrix?month=YYYY-MM: the month alone, checked as the batch selection checks it. */
export const matrixQuery = batchSelection.pick({ month: true });

/**
 * One (script, presenter) pair: where it stands, its latest video and the batch of its latest item; when scheduled,
 * the moment it becomes public (ISO); when rejected, the reviewer's reason.
 */
export type PlanMatrixCell = {
  state: PairState;
  videoId: string | null;
  batchId: string | null;
  publishAt?: string;
  reason?: string;
  /**
   * Its translations (issue 19), by language name: each language the presenter carries now, and any the pair has an
   * item for. Empty when neither.
   */
  languages: LanguageCell[];
};

/**
 * Where a pair's translation into one language stands: `missing` (never queued, cancelled, or failed and released),
 * `queued` (waiting for its video, or its turn), `submitted`, `rendering`, `ready` (made: seen as its video is),
 * `failed` (its latest attempt failed; counted as missing by the next "Generate what is missing").
 */
export const TRANSLATION_STATES = ["missing", "queued", "submitted", "rendering", "ready", "failed"] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];

export type LanguageCell = {
  /** HeyGen's name ("Spanish (Spain)"). */
  language: string;
  /** Its BCP 47 tag ("es-ES"), the chip's short label; null when the name cannot be read as one. */
  tag: string | null;
  state: TranslationState;
  /** The variant, once there is one. */
  videoId: string | null;
  error?: string;
};

/** A translation item's state in the matrix's words (a cancelled one leaves the language missing). */
export const translationState = (state: ItemState): TranslationState =>
  state === "cancelled" ? "missing" : state === "completed" ? "ready" : state;

export type PlanMatrixColumn = { id: string; name: string; active: boolean };

export type PlanMatrixRow = {
  id: string;
  /** "YYYY-MM-DD" */
  date: string;
  title: string;
  /** Who the script is for: one presenter, or a tag (every active presenter carrying it). */
  presenter: { id: string; name: string } | null;
  tag: string | null;
  /** One per column; null where the script is not for that presenter (today) and they have no video of it. */
  cells: Array<PlanMatrixCell | null>;
};

/**
 * The month's status matrix: days down (scripts by day, then title), presenters across (every presenter some
 * script of the month is for, by name), and how many pairs are in each state.
 */
export type PlanMatrix = {
  month: string;
  /** PUBLISH_TIMEZONE: scheduled moments are shown in it, as the month's publish time is. */
  timeZone: string;
  columns: PlanMatrixColumn[];
  rows: PlanMatrixRow[];
  counts: Record<PairState, number>;
  /** The pairs' translations in each state. */
  translationCounts: Record<TranslationState, number>;
};

/** States that change without the admin doing anything: the matrix is worth refreshing while any pair is in one. */
export const MOVING_STATES: readonly PairState[] = ["queued", "submitted", "rendering"];

/** The same, for translations (a queued one waits for its video, which moves by itself). */
const MOVING_TRANSLATIONS: readonly TranslationState[] = ["queued", "submitted", "rendering"];

export const isMoving = (matrix: PlanMatrix) =>
  MOVING_STATES.some((state) => matrix.counts[state] > 0) ||
  MOVING_TRANSLATIONS.some((state) => matrix.translationCounts[state] > 0);

/** A script for a tag that no active presenter carries: nothing can be made for it. */
export const hasNoPresenter = (row: PlanMatrixRow) => row.cells.every((cell) => cell === null);

export const emptyCounts = (): Record<PairState, number> =>
  Object.fromEntries(PAIR_STATES.map((state) => [state, 0])) as Record<PairState, number>;

export const emptyTranslationCounts = (): Record<TranslationState, number> =>
  Object.fromEntries(TRANSLATION_STATES.map((state) => [state, 0])) as Record<TranslationState, number>;
