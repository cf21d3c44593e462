import type { MediaCopyState } from "@/lib/media-copy-state";
import type { AdminVideo, PublicVideo } from "@/lib/video";

let made = 0;

/** A video HeyGen is rendering, created a minute ago; `fields` move it on. */
export function renderingVideo(fields: Partial<PublicVideo> = {}): PublicVideo {
  return {
    id: fields.id ?? `video-${++made}`,
    title: "Morning news",
    description: null,
    status: "PROCESSING",
    aspectRatio: "16:9",
    resolution: "1080p",
    videoUrl: null,
    thumbnailUrl: null,
    subtitleUrl: null,
    duration: null,
    error: null,
    unconfirmed: false,
    createdAt: new Date(Date.now() - 60_000).toISOString(),
    completedAt: null,
    settled: false,
    ...fields,
  };
}

/** Just completed by HeyGen's webhook: its poster, length and captions are still being fetched. */
export const justCompleted = (video: PublicVideo): PublicVideo => ({
  ...video,
  status: "COMPLETED",
  videoUrl: `https://media.example/${video.id}.mp4`,
  completedAt: new Date().toISOString(),
  settled: false,
});

/** Completed, with its details in: nothing more will change. */
export const withDetails = (video: PublicVideo): PublicVideo => ({
  ...justCompleted(video),
  thumbnailUrl: `https://media.example/${video.id}.jpg`,
  subtitleUrl: `https://media.example/${video.id}.srt`,
  duration: 12.5,
  settled: true,
});

export const failed = (video: PublicVideo): PublicVideo => ({
  ...video,
  status: "FAILED",
  error: "Something went wrong while it was being made.",
  completedAt: new Date().toISOString(),
  settled: true,
});

/** The admin list's view of a video (its options and regenerations besides; a completed one's copy under way). */
export const adminVideo = (video: PublicVideo, mediaCopy: Partial<MediaCopyState> = {}): AdminVideo => ({
  ...video,
  options: { captions: "sidecar", outputFormat: "mp4" },
  presentedBy: null,
  scriptSeconds: 30,
  regeneratedFromId: null,
  regenerationIds: [],
  mediaCopy: {
    state: video.status === "COMPLETED" ? "copying" : "not_due",
    storage: null,
    bytes: null,
    storedAt: null,
    attempts: 0,
    error: null,
    ...mediaCopy,
  },
  visibility: "public",
  publishAt: null,
  publishedAt: video.completedAt,
  translationOf: null,
});
