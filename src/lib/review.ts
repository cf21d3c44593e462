import { REJECTION_REASON_MAX_LENGTH, REVIEW_BULK_MAX } from "./limits";
import type { AspectRatio } from "./video-format";
import type { PresentedBy } from "./video";
import { text } from "./video-input";
import { z } from "./zod";

/** A ready draft as the review queue shows it (GET /api/admin/review). */
export type ReviewDraft = {
  id: string;
  title: string;
  script: string;
  presentedBy: PresentedBy | null;
  aspectRatio: AspectRatio;
  /** The plan day ("YYYY-MM-DD") its script is for; null: not made from the plan. */
  planDate: string | null;
  /** When approving it would make it public (ISO); null: at once (no plan moment, or it has passed). */
  publishesAt: string | null;
  videoUrl: string | null;
  thumbnailUrl: string | null;
  /** Whether it has captions (the player reads them from /api/videos/{id}/captions). */
  hasCaptions: boolean;
  duration: number | null;
  createdAt: string;
};

/** A page of the queue, oldest plan date first; `count`: every draft awaiting review, on all pages. */
export type ReviewQueuePage = { drafts: ReviewDraft[]; count: number; nextCursor: string | null };

/** POST /api/admin/videos/{id}/reject: why, for whoever edits the script (shown on the video's admin page). */
export const rejectInput = z.strictObject({
  reason: text(
    REJECTION_REASON_MAX_LENGTH,
    `Keep the reason to ${REJECTION_REASON_MAX_LENGTH} characters or fewer.`,
    "Say why it is rejected.",
  ),
});

/** POST /api/admin/review/approve: the videos to approve, each once however often it is named. */
export const bulkApproveInput = z.strictObject({
  ids: z
    .array(z.string({ error: "must be a list of video ids" }), { error: "must be a list of video ids" })
    .min(1, "Select at least one video to approve.")
    .max(REVIEW_BULK_MAX, `Approve at most ${REVIEW_BULK_MAX} videos at a time.`)
    .transform((ids) => [...new Set(ids)]),
});

/** What a bulk approval did: each approved video with its publish moment (null: public now), and why others were not. */
export type BulkApproval = {
  approved: Array<{ id: string; publishAt: string | null }>;
  skipped: Array<{ id: string; reason: string }>;
};
