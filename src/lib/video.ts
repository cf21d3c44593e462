import type { VideoStatus } from "@/generated/prisma/enums";

export type { VideoStatus };

/** The video as the public API and the pages show it (dates as ISO strings). */
export type PublicVideo = {
  id: string;
  title: string;
  status: VideoStatus;
  width: number;
  height: number;
  videoUrl: string | null;
  thumbnailUrl: string | null;
  duration: number | null;
  error: string | null;
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

type VideoRow = Omit<PublicVideo, "createdAt" | "completedAt"> & {
  createdAt: Date;
  completedAt: Date | null;
};

export function toPublicVideo(video: VideoRow): PublicVideo {
  return {
    id: video.id,
    title: video.title,
    status: video.status,
    width: video.width,
    height: video.height,
    videoUrl: video.videoUrl,
    thumbnailUrl: video.thumbnailUrl,
    duration: video.duration,
    error: video.error,
    createdAt: video.createdAt.toISOString(),
    completedAt: video.completedAt?.toISOString() ?? null,
  };
}
