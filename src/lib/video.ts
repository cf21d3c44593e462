import type { VideoStatus } from "@/generated/prisma/enums";
import type { VideoModel } from "@/generated/prisma/models";
import type { GenerationOptions } from "./generation-options";
import type { TranslationOptions, ViewerLanguage } from "./translations";
import type { ApiVisibility } from "./publish-input";
import type { MediaCopyState } from "./media-copy-state";
import type { AspectRatio, Resolution } from "./video-format";

export type { VideoStatus };

/** The video as the public API and the pages show it (dates as ISO strings). */
export type PublicVideo = {
  id: string;
  title: string;
  /** Optional text the admin wrote to go under the title; null: none. */
  description: string | null;
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
  /**
   * Nothing more will change: failed, or completed with its render details (poster, length, captions) in, or given up
   * on. Watchers stop here; until then the server announces every change (see detailsAt in prisma/schema.prisma).
   */
  settled: boolean;
  /**
   * The language menu (issue 19): the original first, then each finished translation viewers may see, with its media;
   * empty when there is nothing to choose. In one video's status JSON and its watch page only, not in lists.
   */
  languages?: ViewerLanguage[];
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

/**
 * The columns of a "Video" row the public video is built from. The NOTIFY trigger that tells every instance a video
 * changed must fire on each of them (tests/integration/video-changes-trigger.test.ts compares the two lists).
 */
export const PUBLIC_VIDEO_COLUMNS = [
  "id",
  "title",
  "status",
  "aspectRatio",
  "resolution",
  "videoUrl",
  "thumbnailUrl",
  "subtitleUrl",
  "duration",
  "error",
  "unconfirmedReason",
  "createdAt",
  "completedAt",
  "detailsAt",
  "storedMedia",
  "mediaStoredAt",
] as const;

/** The description is set once, at creation, so the change trigger need not watch it; a narrower row has none. */
type VideoRow = Pick<VideoModel, (typeof PUBLIC_VIDEO_COLUMNS)[number]> & { description?: string | null };

/**
 * Who presents a video: the presenter it was made from (its name, its look's picture), else its look (the look's name
 * and picture). The picture is HeyGen's, signed and expiring: null when it is not at hand.
 */
export type PresentedBy = { name: string; imageUrl: string | null };

/** A gallery card's video. */
export type GalleryVideo = PublicVideo & { presentedBy: PresentedBy | null };

/** What admins see besides: the settings a regenerate sends again, and the links between versions of a video. */
export type AdminVideo = PublicVideo & {
  presentedBy: PresentedBy | null;
  options: GenerationOptions;
  /** The script's spoken length at the video's voice speed, as the Studio estimates it (src/lib/cost.ts). */
  scriptSeconds: number;
  regeneratedFromId: string | null;
  /** Videos regenerated from this one, oldest first. */
  regenerationIds: string[];
  /** Where our copy of its media stands (issue 17): stored, copying, failed, or not due. */
  mediaCopy: MediaCopyState;
  /** Who may see it (issue 18): public, unlisted, draft or private. */
  visibility: ApiVisibility;
  /** When it becomes visible to viewers; null: as soon as it is ready. */
  publishAt: string | null;
  /** When viewers first could see it; null: not yet. */
  publishedAt: string | null;
  /** A translation (issue 19): its language (HeyGen's name) and the video it translates; null for a video of its own. */
  translationOf: TranslationOf | null;
};

/** What a translation's admin views say of it: "Spanish (Spain) translation of <source title>", and how it was asked. */
export type TranslationOf = TranslationOptions & { language: string; sourceId: string; sourceTitle: string };

/**
 * What deleting a video did at HeyGen: `deleted`; `already_gone` (HeyGen had no such video); `no_job` (HeyGen never
 * confirmed a job for it, so there was nothing to name); `not_asked`.
 */
export type VideoDeletion = { id: string; heygen: "deleted" | "already_gone" | "no_job" | "not_asked" };

/** What viewers read when a video failed, in plain words (no "HeyGen"); the admin sees HeyGen's own message. */
export const PLAIN_FAILURE = "Something went wrong while it was being made.";

/**
 * What a viewer reads in place of the player when the video is deleted or hidden from viewers (made a draft or
 * private, or rescheduled) while its page is open; its 404 page says the same in its own words.
 */
export const VIDEO_GONE = {
  title: "This video is no longer available.",
  detail: "It may have been removed or made private.",
};

/** The media URLs a video is shown with: ours once stored, HeyGen's until then (storedMediaUrls on the server). */
export type MediaUrls = Pick<PublicVideo, "videoUrl" | "thumbnailUrl" | "subtitleUrl">;

/**
 * `media` is the server's storedMediaUrls(video): the row's own URL columns are HeyGen's. `languages`: one video's
 * language menu (src/server/watch/viewer-languages.ts), for its status JSON and page; lists leave it out.
 */
export function toPublicVideo(
  video: VideoRow,
  viewer: { admin: boolean },
  media: MediaUrls,
  languages?: ViewerLanguage[],
): PublicVideo {
  return {
    id: video.id,
    title: video.title,
    description: video.description ?? null,
    status: video.status,
    // Stored only from validated input (src/lib/video-input.ts) or the migration's mapping.
    aspectRatio: video.aspectRatio as AspectRatio,
    resolution: video.resolution as Resolution,
    videoUrl: media.videoUrl,
    thumbnailUrl: media.thumbnailUrl,
    subtitleUrl: media.subtitleUrl,
    duration: video.duration,
    error: video.error && !viewer.admin ? PLAIN_FAILURE : video.error,
    unconfirmed: video.unconfirmedReason !== null,
    createdAt: video.createdAt.toISOString(),
    completedAt: video.completedAt?.toISOString() ?? null,
    settled: isSettled(video),
    ...(languages ? { languages } : {}),
  };
}

/** Nothing more will change: failed, or completed with its details done (see PublicVideo.settled). */
export function isSettled(video: Pick<VideoRow, "status" | "detailsAt">): boolean {
  return video.status === "FAILED" || (video.status === "COMPLETED" && video.detailsAt !== null);
}

/** How long HeyGen took, from our request to its verdict; null until it has given one. */
export function renderSeconds(video: Pick<PublicVideo, "createdAt" | "completedAt">): number | null {
  return video.completedAt ? Math.max(0, (Date.parse(video.completedAt) - Date.parse(video.createdAt)) / 1000) : null;
}
