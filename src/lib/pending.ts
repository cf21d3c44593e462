import type { OverdueRule } from "./render-time";
import type { VideoStatus } from "./video";

/** A video HeyGen has not finished (Queued or Rendering), as the pending view lists it. */
export type PendingVideo = {
  id: string;
  title: string;
  status: Extract<VideoStatus, "PENDING" | "PROCESSING">;
  ageSeconds: number;
  /** When HeyGen last told us something about it or we last asked (its creation, if never). */
  lastNewsAt: string;
  /** Why HeyGen's answer to the create could not confirm the job (it may exist); null when confirmed. */
  unconfirmedReason: string | null;
  /** The bulk-generation batch that made it; null for a video made in the studio. */
  batchId: string | null;
  /** A translation (issue 19): its language and the video it translates; null for a video of its own. */
  translationOf: { language: string; sourceId: string } | null;
  /** Older than `overdueAfterSeconds`. */
  overdue: boolean;
};

export type PendingView = {
  generatedAt: string;
  /** See overdueThreshold (src/lib/render-time.ts); `overdueRule` says which part of the rule set it. */
  overdueAfterSeconds: number;
  overdueRule: OverdueRule;
  /** Oldest first; at most PENDING_LIMIT of `total`. */
  videos: PendingVideo[];
  total: number;
};

/** The view lists this many, oldest first: the ones worth a look. */
export const PENDING_LIMIT = 200;
