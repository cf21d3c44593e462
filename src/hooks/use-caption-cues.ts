import useSWRImmutable from "swr/immutable";
import type { CaptionCue } from "@/lib/captions";
import { fetchJson } from "@/lib/fetch-json";

/** A finished video's captions as timed lines, read once (a render's captions never change); none until `ready`. */
export function useCaptionCues(videoId: string, ready: boolean) {
  return useSWRImmutable<CaptionCue[]>(ready ? `/api/videos/${videoId}/captions/cues` : null, fetchJson);
}
