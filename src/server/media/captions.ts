import "server-only";
import { buffer } from "node:stream/consumers";
import { LRUCache } from "lru-cache";
import { parseSync, stringifySync } from "subtitle";
import type { Video } from "@/generated/prisma/client";
import type { CaptionCue } from "@/lib/captions";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { processWide } from "@/server/process-wide";
import { storedMediaOf } from "./served-media";
import { mediaStorage } from "./storage";
import type { StoredFile } from "./storage/stored-media";

/** HeyGen's SRT of a few minutes of speech is a few KB: a file this large is not captions. */
export const MAX_SRT_BYTES = 1024 * 1024;
/** Converted captions kept in this process, in characters (a few KB each: thousands of videos). */
const CACHE_MAX_CHARACTERS = 8 * 1024 * 1024;

type Load = (signal: AbortSignal) => Promise<string>;

/**
 * WebVTT by video id (and by our copy's hash once stored). The captions of a render never change, while their
 * presigned URL is replaced every day or so: keyed by the video alone, a fresh URL does not fetch the same file
 * again. Concurrent misses share one load; failures are not cached.
 */
const captionsCache = () =>
  processWide(
    "captions",
    () =>
      new LRUCache<string, string, Load>({
        maxSize: CACHE_MAX_CHARACTERS,
        sizeCalculation: (vtt) => vtt.length,
        fetchMethod: (_key, _stale, { context: load, signal }) => load(signal),
      }),
    (cache) => cache.clear(),
  );

type CaptionedVideo = Pick<Video, "id" | "subtitleUrl" | "storedMedia">;

/**
 * A video's captions as WebVTT, the format browsers' <track> reads: our stored WebVTT (or SRT) once the copy is
 * stored, never asking HeyGen; until then HeyGen's SRT, converted.
 */
export async function captionsAsWebVtt(video: CaptionedVideo): Promise<string> {
  const stored = storedMediaOf(video)?.files;
  const file = stored?.vtt ?? stored?.srt;
  if (stored && !file) throw new AppError("not_found", "This video has no captions.");
  const subtitleUrl = video.subtitleUrl;
  if (!file && !subtitleUrl) throw new AppError("not_found", "This video has no captions.");
  try {
    if (file) {
      const load = async () => (file === stored?.vtt ? readStored(file) : srtToWebVtt(await readStored(file)));
      return (await captionsCache().fetch(`${video.id}/${file.sha256}`, { context: load }))!;
    }
    return (await captionsCache().fetch(video.id, { context: (signal) => loadAsWebVtt(subtitleUrl!, signal) }))!;
  } catch (error) {
    // The URL is presigned: its signature is not logged.
    logger.warn({ videoId: video.id, err: (error as Error).message }, "could not load the captions");
    throw new AppError("heygen_media_unavailable", "HeyGen's captions for this video could not be loaded.");
  }
}

/** The captions as timed lines, for the watch page's transcript: seconds, and the text without its markup. */
export async function captionCues(video: CaptionedVideo): Promise<CaptionCue[]> {
  return parseSync(await captionsAsWebVtt(video)).flatMap((node) =>
    node.type === "cue"
      ? [{ start: node.data.start / 1000, end: node.data.end / 1000, text: node.data.text.replace(/<[^>]*>/g, "") }]
      : [],
  );
}

/** Our stored copy of the captions, as text (a few KB: read whole). */
async function readStored(file: StoredFile): Promise<string> {
  const stream = await mediaStorage().read(file.key);
  if (!stream) throw new Error(`stored captions missing: ${file.key}`);
  if (file.bytes > MAX_SRT_BYTES) throw new Error("captions file too large");
  return (await buffer(stream)).toString("utf8");
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
