import "server-only";
import { isTerminal } from "@/lib/video";
import { claimHeygenCheck, syncWithHeygen } from "@/server/videos/sync-with-heygen";
import { findVideoForEvent } from "./find-video";
import { parseHeygenEvent } from "./parse-event";

export type HintOutcome =
  | { outcome: "check_scheduled"; check: () => Promise<void> }
  | { outcome: "unknown_video" | "finished" | "recently_checked" | "no_video_reference"; check: null };

/**
 * An unsigned delivery (HeyGen does not sign per-job callback_url posts, and anyone can post here). Its body
 * changes nothing: it only says which video to ask HeyGen about. A known, unfinished video is checked through
 * HeyGen's API (at most once per video per interval); unknown and finished videos cost no HeyGen call.
 */
export async function receiveUnsignedHint(rawBody: Uint8Array): Promise<HintOutcome> {
  let payload: unknown = null;
  try {
    payload = JSON.parse(Buffer.from(rawBody).toString("utf8"));
  } catch {
    // Not JSON: nothing to go on.
  }
  const event = parseHeygenEvent(payload);
  if (!event.videoId && !event.callbackId) return { outcome: "no_video_reference", check: null };

  const video = await findVideoForEvent(event);
  if (!video) return { outcome: "unknown_video", check: null };
  if (isTerminal(video.status)) return { outcome: "finished", check: null };
  const heygenVideoId = video.heygenVideoId ?? event.videoId;
  if (!heygenVideoId) return { outcome: "no_video_reference", check: null };
  if (!(await claimHeygenCheck(video.id))) return { outcome: "recently_checked", check: null };

  return {
    outcome: "check_scheduled",
    check: async () => {
      const result = await syncWithHeygen(video, heygenVideoId);
      console.info(`[heygen-webhook] unsigned hint for ${video.id}: HeyGen check ${result}`);
    },
  };
}
