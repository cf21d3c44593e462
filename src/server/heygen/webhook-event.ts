import { z } from "zod";

/** A HeyGen webhook reduced to what changes a video; everything else is `ignored`. */
export type HeygenVideoEvent =
  | { kind: "success"; videoId: string; callbackId: string | null; videoUrl: string }
  | { kind: "fail"; videoId: string; callbackId: string | null; message: string }
  | { kind: "ignored"; eventType: string };

const id = z.string().trim().min(1);

const successEvent = z.object({
  event_type: z.literal("avatar_video.success"),
  event_data: z.object({ video_id: id, url: z.url(), callback_id: z.string().nullish() }),
});

const failEvent = z.object({
  event_type: z.literal("avatar_video.fail"),
  event_data: z.object({ video_id: id, msg: z.string().nullish(), callback_id: z.string().nullish() }),
});

// Some integrations have seen events without `event_data`: { video_id, status, url? }.
const flatEvent = z.object({
  video_id: id,
  status: z.string(),
  callback_id: z.string().nullish(),
  url: z.url().nullish(),
  video_url: z.url().nullish(),
  msg: z.string().nullish(),
  error: z.unknown().optional(),
});

const DEFAULT_FAIL_MESSAGE = "HeyGen reported that the video failed";

export function parseHeygenEvent(payload: unknown): HeygenVideoEvent {
  const success = successEvent.safeParse(payload);
  if (success.success) {
    const { video_id, url, callback_id } = success.data.event_data;
    return { kind: "success", videoId: video_id, callbackId: callback_id ?? null, videoUrl: url };
  }
  const fail = failEvent.safeParse(payload);
  if (fail.success) {
    const { video_id, msg, callback_id } = fail.data.event_data;
    return { kind: "fail", videoId: video_id, callbackId: callback_id ?? null, message: msg || DEFAULT_FAIL_MESSAGE };
  }
  const flat = flatEvent.safeParse(payload);
  if (flat.success) {
    const { video_id, status, callback_id, msg } = flat.data;
    const videoUrl = flat.data.url ?? flat.data.video_url;
    const state = status.toLowerCase();
    if (state === "completed" && videoUrl) {
      return { kind: "success", videoId: video_id, callbackId: callback_id ?? null, videoUrl };
    }
    if (state === "failed") {
      return { kind: "fail", videoId: video_id, callbackId: callback_id ?? null, message: msg || DEFAULT_FAIL_MESSAGE };
    }
  }
  const eventType = (payload as { event_type?: unknown } | null)?.event_type;
  return { kind: "ignored", eventType: typeof eventType === "string" ? eventType : "(none)" };
}
