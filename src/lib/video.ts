import type { VideoStatus } from "@/generated/prisma/enums";
import type { GenerationOptions } from "./generation-options";
import type { AspectRatio, Resolution } from "./video-format";

export type { VideoStatus };

/** The video as the public API and the pages show it (dates as ISO strings). */
export type PublicVideo = {
  id: string;
  title: string;
  status: VideoStatus;
  aspectRatio: AspectRatio;
  resolution: Resolution;
  videoUrl: string | null;
  thumbnailUrl: string | null;
  subtitleUrl: string | null;
  duration: number | null;
  error: string | null;
  /** HeyGen's answer to the create request was lost or unreadable: the job may exist, its webhook may still come. */
  unconfirmed: boolean;
  createdAt: string;
  completedAt: string | null;
};

export const TERMINAL_STATUSES: readonly VideoStatus[] = ["COMPLETED", "FAILED"];

export function isTerminal(status: VideoStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** The one vocabulary of statuses: badges, the admin list's filter and the watch page's stages all say these words. */
export const STATUS_LABELS: Record<VideoStatus, string> = {
  PENDING: "Queued",
  PROCESSING: "Rendering",
  COMPLETED: "Ready",
  FAILED: "Failed",
};

type VideoRow = {
  id: string;
  title: string;
  status: VideoStatus;
  aspectRatio: string;
  resolution: string;
  videoUrl: string | null;
  thumbnailUrl: string | null;
  subtitleUrl: string | null;
  duration: number | null;
  error: string | null;
  unconfirmedReason: string | null;
  createdAt: Date;
  completedAt: Date | null;
};

/** What admins see besides: the settings a regenerate sends again, and the links between versions of a video. */
export type AdminVideo = PublicVideo & {
  options: GenerationOptions;
  regeneratedFromId: string | null;
  /** Videos regenerated from this one, oldest first. */
  regenerationIds: string[];
};

/**
 * What deleting a video did at HeyGen: `deleted`; `already_gone` (HeyGen had no such video); `no_job` (HeyGen never
 * confirmed a job for it, so there was nothing to name); `not_asked`.
 */
export type VideoDeletion = { id: string; heygen: "deleted" | "already_gone" | "no_job" | "not_asked" };

/** What viewers read when a video failed; the admin sees HeyGen's own message. */
export const PLAIN_FAILURE = "HeyGen could not render this video.";

export function toPublicVideo(video: VideoRow, viewer: { admin: boolean }): PublicVideo {
  return {
    id: video.id,
    title: video.title,
    status: video.status,
    // Stored only from validated input (src/lib/video-input.ts) or the migration's mapping.
    aspectRatio: video.aspectRatio as AspectRatio,
    resolution: video.resolution as Resolution,
    videoUrl: video.videoUrl,
    thumbnailUrl: video.thumbnailUrl,
    subtitleUrl: video.subtitleUrl,
    duration: video.duration,
    error: video.error && !viewer.admin ? PLAIN_FAILURE : video.error,
    unconfirmed: video.unconfirmedReason !== null,
    createdAt: video.createdAt.toISOString(),
    completedAt: video.completedAt?.toISOString() ?? null,
  };
}

/** How long HeyGen took, from our request to its verdict; null until it has given one. */
export function renderSeconds(video: Pick<PublicVideo, "createdAt" | "completedAt">): number | null {
  return video.completedAt ? Math.max(0, (Date.parse(video.completedAt) - Date.parse(video.createdAt)) / 1000) : null;
}
