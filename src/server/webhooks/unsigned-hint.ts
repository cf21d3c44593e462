import "server-only";
import { isTerminal } from "@/lib/video";
import { logger } from "@/server/logger";
import { syncVideo } from "@/server/sync/ask-heygen";
import { claimVideos } from "@/server/sync/claim";
import { findVideoForEvent } from "./video-for-event";
import { parseHeygenEvent, type HeygenEvent } from "./parse-event";

export type HintOutcome = {
  outcome: "check_scheduled" | "unknown_video" | "finished" | "recently_checked" | "no_video_reference";
  /** The HeyGen call to make once the answer is sent; null when there is nothing to ask. */
  check: (() => Promise<void>) | null;
  event: HeygenEvent;
  videoId: string | null;
};

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
  const nothing = (outcome: HintOutcome["outcome"], videoId: string | null = null) => ({
    outcome,
    check: null,
    event,
    videoId,
  });
  if (!event.videoId && !event.callbackId) return nothing("no_video_reference");

  const video = await findVideoForEvent(event);
  if (!video) return nothing("unknown_video");
  if (isTerminal(video.status)) return nothing("finished", video.id);
  const heygenVideoId = video.heygenVideoId ?? event.videoId;
  if (!heygenVideoId) return nothing("no_video_reference", video.id);
  const [claimed] = await claimVideos([video.id]);
  if (!claimed) return nothing("recently_checked", video.id);

  return {
    outcome: "check_scheduled",
    event,
    videoId: video.id,
    check: async () => {
      const result = await syncVideo(claimed, { heygenVideoId });
      logger.info({ videoId: video.id, heygenVideoId, result }, "unsigned hint checked with HeyGen");
    },
  };
}
