import "server-only";
import type { AspectRatio } from "@/lib/video-format";

/** The embedded player's long edge in pixels when the embedding site sets no bounds (oEmbed, Twitter's player card). */
export const EMBED_LONG_EDGE = 640;

/**
 * The embedded player's size: the video's aspect ratio with EMBED_LONG_EDGE on its long side, shrunk to fit the
 * bounds. Whole pixels, rounded down on the free side so that neither bound is exceeded.
 */
export function embedSize(aspectRatio: AspectRatio, bounds: { maxWidth?: number; maxHeight?: number } = {}) {
  const [w, h] = aspectRatio.split(":").map(Number) as [number, number];
  let width = (EMBED_LONG_EDGE * w) / Math.max(w, h);
  let height = (EMBED_LONG_EDGE * h) / Math.max(w, h);
  if (bounds.maxWidth !== undefined && bounds.maxWidth < width) {
    width = bounds.maxWidth;
    height = Math.floor((width * h) / w);
  }
  if (bounds.maxHeight !== undefined && bounds.maxHeight < height) {
    height = bounds.maxHeight;
    width = Math.floor((height * w) / h);
  }
  return { width: Math.max(1, width), height: Math.max(1, height) };
}
