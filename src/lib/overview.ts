import type { HeygenAccount } from "./account";
import type { VideoStatus } from "./video";
import type { WebhookStatus } from "./webhook-status";

/** The admin dashboard, as GET /api/admin/overview answers it and /admin/overview shows it (dates as ISO strings). */
export type Overview = {
  generatedAt: string;
  /** Midnight UTC: where "today" starts. */
  todayStartedAt: string;
  videos: VideoFigures;
  media: MediaFigures;
  review: ReviewFigures;
  heygen: AccountReport;
  webhooks: WebhookHealth;
};

export type StatusCounts = Record<VideoStatus, number>;

/** Videos created in a period, by status, and the output of those that completed. */
export type PeriodFigures = {
  counts: StatusCounts;
  renderedSeconds: number;
  /** renderedSeconds at HeyGen's published price per second (an estimate, not HeyGen's invoice). */
  costUsd: number;
};

export type VideoFigures = {
  today: PeriodFigures;
  allTime: PeriodFigures;
  /** Queued or generating now. */
  inProgress: { count: number; oldest: { id: string; title: string; createdAt: string } | null };
  /** Median of recent renders; null before any completed. */
  typicalRenderSeconds: number | null;
};

/** Our copies of finished videos' media (issue 17): where they go, and how many are stored, on their way or failed. */
export type MediaFigures = {
  /** Where new copies are stored (MEDIA_STORAGE). */
  storage: "local" | "s3";
  /** The bucket (S3_BUCKET) when storage is "s3". */
  bucket: string | null;
  /** Completed videos whose copy is stored, and every stored file's bytes added up. */
  stored: { count: number; bytes: number };
  /** Completed videos not stored yet and not given up on. */
  copying: number;
  /** Completed videos whose copy was given up on, until a Retry: listed at /admin/videos?copy=failed. */
  failed: number;
};

/** Issue 18: what waits for an admin's review, and what is approved and waits for its publish moment. */
export type ReviewFigures = {
  /** Ready drafts nobody has approved or rejected: the review queue (/admin/review). */
  awaitingReview: number;
  /** Public or unlisted videos whose publish moment is still to come (approved, or made without review). */
  scheduled: number;
  /** The soonest of those moments; null when nothing is scheduled. */
  nextPublishAt: string | null;
};

/** The account, or why it could not be read (no API key, HeyGen unreachable, ...). */
export type AccountReport = { account: HeygenAccount; problem: null } | { account: null; problem: string };

export type WebhookHealth = {
  /** Where the signing secret comes from; null: none configured. */
  secretSource: "environment" | "settings" | null;
  /** The last delivery whose signature was verified (within the delivery log's 30 days). */
  lastVerifiedAt: string | null;
  /** What arrives and what the callback URL means, worded as Settings words it. */
  status: WebhookStatus;
  /** Signed-looking posts refused in the last 24 hours (from the per-minute counts). */
  rejectedLastDay: number;
  /** Why the latest of those was refused: one of TURNED_AWAY_LABELS, never text from the post. */
  lastRejection: string | null;
  /** Posts counted rather than stored in the last 24 hours, one entry per reason that occurred, most first. */
  turnedAwayLastDay: TurnedAwayFigure[];
};

/** Why a post to /api/heygen/callback was counted per minute instead of stored (anyone can send those). */
export const TURNED_AWAY_LABELS = {
  bad_signature: "Signature does not match the body",
  missing_timestamp: "Heygen-Signature without Heygen-Timestamp",
  stale_timestamp: "Heygen-Timestamp malformed or more than 300 s from now",
  no_secret: "Signed, but no signing secret is configured",
  not_json: "Signed, but not JSON",
  too_large: "Body over 64 KiB",
  unknown_video: "Unsigned, naming no video of this app",
  no_video_reference: "Unsigned, naming no video at all",
} as const;

export type TurnedAwayReason = keyof typeof TURNED_AWAY_LABELS;

/** Unsigned posts that name no known video: answered 202, but not refusals. The other reasons are refusals. */
export const UNMATCHED_REASONS: readonly TurnedAwayReason[] = ["unknown_video", "no_video_reference"];

export type TurnedAwayFigure = {
  reason: TurnedAwayReason;
  count: number;
  /** The most in any one minute. */
  busiestMinute: number;
  /** The start of the latest minute with one. */
  lastAt: string;
};
