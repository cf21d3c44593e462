import type { HeygenRenderState } from "./status";

/** A HeyGen render (a video, or a translation read as one), as the app uses it. */
export type HeygenVideo = {
  id: string;
  state: HeygenRenderState;
  title: string | null;
  /** Unix seconds. */
  createdAt: number | null;
  duration: number | null;
  videoUrl: string | null;
  captionedVideoUrl: string | null;
  subtitleUrl: string | null;
  thumbnailUrl: string | null;
  failureMessage: string | null;
};
