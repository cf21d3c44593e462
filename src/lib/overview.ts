import type { HeygenAccount } from "./account";
import type { VideoStatus } from "./video";

/** The admin dashboard, as GET /api/admin/overview answers it and /admin/overview shows it (dates as ISO strings). */
export type Overview = {
  generatedAt: string;
  /** Midnight UTC: where "today" starts. */
  todayStartedAt: string;
  videos: VideoFigures;
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

/** The account, or why it could not be read (no API key, HeyGen unreachable, ...). */
export type AccountReport = { account: HeygenAccount; problem: null } | { account: null; problem: string };

export type WebhookHealth = {
  /** Where the signing secret comes from; null: none configured. */
  secretSource: "environment" | "settings" | null;
  appUrl: string | null;
  /** Why HeyGen cannot post results to this app (APP_URL missing or not https); null when it can. */
  appUrlWarning: string | null;
  /** The last delivery whose signature was verified (within the delivery log's 30 days). */
  lastVerifiedAt: string | null;
  rejectedLastDay: number;
  /** Why the latest of those was refused. */
  lastRejection: string | null;
};
