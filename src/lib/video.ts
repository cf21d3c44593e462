import type { VideoStatus } from "@/generated/prisma/enums";
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

export const STATUS_LABELS: Record<VideoStatus, string> = {
  PENDING: "Queued",
  PROCESSING: "Generating",
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
