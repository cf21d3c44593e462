/**
 * Video formats as HeyGen v3 takes them: an aspect ratio × a resolution (there is no width/height any more).
 */

export const ASPECT_RATIOS = ["16:9", "9:16", "1:1", "4:5", "5:4"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const RESOLUTIONS = ["720p", "1080p", "4k"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const DEFAULT_RESOLUTION: Resolution = "1080p";

export const ASPECT_RATIO_LABELS: Record<AspectRatio, string> = {
  "16:9": "Landscape 16:9",
  "9:16": "Portrait 9:16",
  "1:1": "Square 1:1",
  "4:5": "Portrait 4:5",
  "5:4": "Landscape 5:4",
};

export const RESOLUTION_LABELS: Record<Resolution, string> = { "720p": "720p", "1080p": "1080p", "4k": "4K" };

const SHORT_EDGE: Record<Resolution, number> = { "720p": 720, "1080p": 1080, "4k": 2160 };

/** width / height of each aspect ratio, e.g. "9:16" → 0.5625. */
export function ratioOf(aspectRatio: AspectRatio): number {
  const [w, h] = aspectRatio.split(":").map(Number) as [number, number];
  return w / h;
}

/** Output size in pixels: the short edge is the resolution's (1080p 9:16 → 1080 × 1920). */
export function frameSize(aspectRatio: AspectRatio, resolution: Resolution): { width: number; height: number } {
  const ratio = ratioOf(aspectRatio);
  const short = SHORT_EDGE[resolution];
  const long = Math.round((short * Math.max(ratio, 1 / ratio)) / 2) * 2;
  return ratio >= 1 ? { width: long, height: short } : { width: short, height: long };
}

/**
 * Upper bounds (width / height) of each preset, ordered: the geometric means of neighbouring ratios, so each
 * size maps to the preset nearest on a log scale. The migration that converted stored width/height rows
 * (prisma/migrations/*_formats_and_heygen_events) uses the same bounds.
 */
const RATIO_BOUNDS: Array<[number, AspectRatio]> = [
  [0.6708, "9:16"],
  [0.8944, "4:5"],
  [1.118, "1:1"],
  [1.4907, "5:4"],
  [Infinity, "16:9"],
];

/** The preset nearest to a legacy width × height (for clients that still send dimensions). */
export function nearestFormat(width: number, height: number): { aspectRatio: AspectRatio; resolution: Resolution } {
  const ratio = width / height;
  const aspectRatio = RATIO_BOUNDS.find(([bound]) => ratio < bound)![1];
  const short = Math.min(width, height);
  const resolution: Resolution = short < 900 ? "720p" : short < 1620 ? "1080p" : "4k";
  return { aspectRatio, resolution };
}

/** The format that suits a HeyGen look's preferred orientation. */
export function aspectRatioForOrientation(orientation: "portrait" | "landscape" | "square" | null): AspectRatio {
  if (orientation === "portrait") return "9:16";
  if (orientation === "square") return "1:1";
  return "16:9";
}
