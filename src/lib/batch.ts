import { z } from "./zod";
import { tag } from "./tags";

/** A month of the plan, "YYYY-MM". */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Presenters one selection may name: more is a mistake (leave it empty for all of them). */
export const MAX_PRESENTERS_PER_BATCH = 100;

/**
 * What "Generate what is missing" covers: a month, optionally one tag (scripts for that tag, and scripts for a
 * presenter carrying it) or some presenters. Shared by the preview, the trigger and POST /api/admin/batches.
 */
export const batchSelection = z.object({
  month: z.string({ error: "must be a string" }).regex(MONTH_PATTERN, "must be a month written YYYY-MM"),
  tag: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().replace(/^#/, "") || undefined : value),
    tag.optional(),
  ),
  presenterIds: z
    .array(z.string({ error: "must be presenter ids" }).min(1), { error: "must be a list of presenter ids" })
    .max(MAX_PRESENTERS_PER_BATCH, `must name at most ${MAX_PRESENTERS_PER_BATCH} presenters`)
    .optional(),
});
export type BatchSelection = z.output<typeof batchSelection>;

/**
 * POST /api/admin/batches: a selection, and whether its videos wait for review (drafts until approved; the default)
 * or follow their plan dates directly (public at each one's plan moment, or at once when it has passed).
 */
export const batchRequest = batchSelection.extend({
  review: z.boolean({ error: "must be true or false" }).default(true),
});
export type BatchRequest = z.output<typeof batchRequest>;

/** A script of the selection that cannot be made, and why (no active presenter carries its tag, ...). */
export type BatchError = { planScriptId: string; date: string; title: string; message: string };

/** One video a selection would make: a script of the plan said by a presenter. */
export type BatchPreviewVideo = {
  planScriptId: string;
  presenterId: string;
  /** "YYYY-MM-DD" */
  date: string;
  title: string;
  presenterName: string;
};

/** One translation a selection would make (issue 19): a pair's video re-voiced into one of its presenter's languages. */
export type BatchPreviewTranslation = BatchPreviewVideo & { language: string };

/**
 * What a selection would make: the missing pairs (each named), their estimated spoken length and cost; and apart, the
 * missing translations of the selection's pairs into their presenters' languages (`translations`), counted and priced
 * on their own (HeyGen's speed mode, per second of the source: src/lib/translations.ts).
 */
export type BatchPreview = {
  missing: number;
  seconds: number;
  costUsd: number;
  skipped: number;
  errors: BatchError[];
  videos: BatchPreviewVideo[];
  translations: BatchPreviewTranslation[];
  translationCostUsd: number;
  /** Translations already made or on their way. */
  translationsSkipped: number;
};

/** The key of a (script, presenter) pair in the browser: the matrix marks the cells the preview will make. */
export const pairKey = (planScriptId: string, presenterId: string) => `${planScriptId}:${presenterId}`;

/**
 * POST /api/admin/batches. `batchId` is null when nothing was missing (nothing queued, no batch made). `queued` and
 * `skipped` count videos; `translations` the translations into the presenters' languages (issue 19).
 */
export type BatchTriggerResult = {
  batchId: string | null;
  queued: number;
  skipped: number;
  translations: { queued: number; skipped: number };
  errors: BatchError[];
};

/**
 * Where one (script, presenter) pair stands. `missing`: no live video (never made, cancelled, or its video failed
 * or was deleted). `queued`: waiting in a batch. `submitted`: sent, HeyGen has not started. `rendering`: HeyGen is
 * rendering it. Once made: `awaiting_review` (a draft nobody has decided on), `scheduled` (approved, or made without
 * review, public at its publish moment, still to come), `published` (viewers can see it), `completed` (made, and
 * kept from viewers by an admin: private), `rejected` (refused in review: counts as missing for the next batch).
 * `failed`: its latest attempt failed (and it counts as missing for the next batch).
 */
export const PAIR_STATES = [
  "missing",
  "queued",
  "submitted",
  "rendering",
  "awaiting_review",
  "scheduled",
  "published",
  "completed",
  "rejected",
  "failed",
] as const;
export type PairState = (typeof PAIR_STATES)[number];

/** A batch item's state, as the batch page shows it. */
export const ITEM_STATES = ["queued", "submitted", "rendering", "completed", "failed", "cancelled"] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export type BatchStatus = "running" | "paused" | "cancelled" | "done";

export type BatchItemView = {
  id: string;
  date: string;
  title: string;
  presenter: { id: string; name: string };
  /** Null: the pair's own video. A HeyGen language name: the translation of that video into it. */
  language: string | null;
  state: ItemState;
  videoId: string | null;
  error: string | null;
  submittedAt: string | null;
};

export type BatchView = {
  id: string;
  month: string;
  /** True: its videos are drafts until approved in review. False: each is public at its plan moment. */
  review: boolean;
  tag: string | null;
  presenterIds: string[];
  status: BatchStatus;
  requestedBy: "admin" | "api";
  createdAt: string;
  total: number;
  counts: Record<ItemState, number>;
  /** Seconds until every item is made, from the submit rate, the in-flight cap and the typical render time; null when done. */
  etaSeconds: number | null;
  items: BatchItemView[];
};

type ItemStatus = "QUEUED" | "SUBMITTING" | "SENT" | "FAILED" | "CANCELLED";
type VideoStatus = "PENDING" | "PROCESSING" | "COMPLETED" | "FAILED";

/** A batch item's state from its own status and its video's (null: no video, or the video was deleted). */
export function itemState(item: ItemStatus, video: VideoStatus | null): ItemState {
  if (item === "QUEUED") return "queued";
  if (item === "FAILED") return "failed";
  if (item === "CANCELLED") return "cancelled";
  // SUBMITTING or SENT: the video tells (a webhook may finish it before the sender records SENT).
  switch (video) {
    case "PENDING":
      return "submitted";
    case "PROCESSING":
      return "rendering";
    case "COMPLETED":
      return "completed";
    case "FAILED":
      return "failed";
    default:
      return item === "SUBMITTING" ? "submitted" : "cancelled"; // SENT without a video: it was deleted
  }
}
