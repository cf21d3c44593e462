import "server-only";
import { LRUCache } from "lru-cache";
import { parseSync, stringifySync } from "subtitle";
import type { CaptionCue } from "@/lib/captions";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { processWide } from "@/server/process-wide";

/** HeyGen's SRT of a few minutes of speech is a few KB: a file this large is not captions. */
export const MAX_SRT_BYTES = 1024 * 1024;
/** Converted captions kept in this process, in characters (a few KB each: thousands of videos). */
const CACHE_MAX_CHARACTERS = 8 * 1024 * 1024;

/**
 * WebVTT by video id. The captions of a render never change, while their presigned URL is replaced every day or
 * so: keyed by the video alone, a fresh URL does not fetch the same file again. Concurrent misses share one fetch;
 * failures are not cached.
 */
const captionsCache = () =>
  processWide(
    "captions",
    () =>
      new LRUCache<string, string, string>({
        maxSize: CACHE_MAX_CHARACTERS,
        sizeCalculation: (vtt) => vtt.length,
        fetchMethod: (_videoId, _stale, { context: subtitleUrl, signal }) => loadAsWebVtt(subtitleUrl, signal),
      }),
    (cache) => cache.clear(),
  );

/** A video's captions (HeyGen's SRT) as WebVTT, the format browsers' <track> reads. */
export async function captionsAsWebVtt(video: { id: string; subtitleUrl: string | null }): Promise<string> {
  if (!video.subtitleUrl) throw new AppError("not_found", "This video has no captions.");
  try {
    return (await captionsCache().fetch(video.id, { context: video.subtitleUrl }))!;
  } catch (error) {
    // The URL is presigned: its signature is not logged.
    logger.warn({ videoId: video.id, err: (error as Error).message }, "could not load the captions");
    throw new AppError("heygen_media_unavailable", "HeyGen's captions for this video could not be loaded.");
  }
}

/** The captions as timed lines, for the watch page's transcript: seconds, and the text without its markup. */
export async function captionCues(video: { id: string; subtitleUrl: string | null }): Promise<CaptionCue[]> {
  return parseSync(await captionsAsWebVtt(video)).flatMap((node) =>
    node.type === "cue"
      ? [{ start: node.data.start / 1000, end: node.data.end / 1000, text: node.data.text.replace(/<[^>]*>/g, "") }]
      : [],
  );
}

/** The presigned media URL is HeyGen's storage, not its API: a plain GET, bounded like a HeyGen call. */
async function loadAsWebVtt(subtitleUrl: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(subtitleUrl, {
    signal: AbortSignal.any([signal, AbortSignal.timeout(env.HEYGEN_TIMEOUT_MS)]),
  });
  if (!response.ok) throw new Error(`captions answered HTTP ${response.status}`);
  if (Number(response.headers.get("content-length")) > MAX_SRT_BYTES) throw new Error("captions file too large");
  const srt = await response.text();
  if (srt.length > MAX_SRT_BYTES) throw new Error("captions file too large");
  return srtToWebVtt(srt);
}

/**
 * Throws on anything that is not SRT (an error page, HTML). A file without cues is an empty WebVTT file. Also used by
 * the media copy (src/server/media/copy/), which stores both.
 */
export function srtToWebVtt(srt: string): string {
  const nodes = parseSync(srt);
  return nodes.length ? stringifySync(nodes, { format: "WebVTT" }) : "WEBVTT\n";
}
