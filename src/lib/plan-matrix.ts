import { batchSelection, PAIR_STATES, type PairState } from "./batch";

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
};

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
};

/** States that change without the admin doing anything: the matrix is worth refreshing while any pair is in one. */
export const MOVING_STATES: readonly PairState[] = ["queued", "submitted", "rendering"];

export const isMoving = (matrix: PlanMatrix) => MOVING_STATES.some((state) => matrix.counts[state] > 0);

/** A script for a tag that no active presenter carries: nothing can be made for it. */
export const hasNoPresenter = (row: PlanMatrixRow) => row.cells.every((cell) => cell === null);

export const emptyCounts = (): Record<PairState, number> =>
  Object.fromEntries(PAIR_STATES.map((state) => [state, 0])) as Record<PairState, number>;
