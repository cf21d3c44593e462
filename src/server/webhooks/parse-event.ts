import { z } from "@/lib/zod";

/** A HeyGen delivery reduced to what can change a video. */
export type HeygenEvent = {
  /** HeyGen's event_id (legacy deliveries have none). */
  eventId: string | null;
  eventType: string;
  /**
   * `check`: a translation's event (video_translate.*), a "go and look": it changes nothing by itself, the app asks
   * HeyGen about the variant it names (its payload is unpublished, so its status is never trusted).
   */
  kind: "success" | "fail" | "check" | "other";
  /** HeyGen's video id (a translation's id for a translation's event). */
  videoId: string | null;
  /** Our video id, echoed back. */
  callbackId: string | null;
  /** Success: `video_url`, or `url` on legacy deliveries. */
  videoUrl: string | null;
  /** Fail: `failure_message`, `msg` or `error` (a string or `{code, message}`). */
  failure: string | null;
};

// An id that could be a key of ours: no NUL or control characters, not absurdly long.
const id = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f]+$/)
  .nullish()
  .catch(null);
const text = z.string().trim().min(1).nullish().catch(null);
const url = z
  .url({ protocol: /^https?$/ })
  .nullish()
  .catch(null);

const eventData = z.object({
  video_id: id,
  // A translation's id, under any of the names integrations report (HeyGen publishes no payload for these events).
  video_translate_id: id,
  video_translation_id: id,
  id,
  callback_id: id,
  video_url: url,
  url,
  failure_message: text,
  failure_code: text,
  msg: text,
  error: z
    .union([z.string(), z.object({ message: text, code: z.unknown().optional() }).loose()])
    .nullish()
    .catch(null),
  status: text,
});

const envelope = z.object({
  event_id: id,
  event_type: text,
  event: text,
  event_data: z.record(z.string(), z.unknown()).nullish().catch(null),
});

const SUCCESS = new Set(["avatar_video.success"]);
const FAIL = new Set(["avatar_video.fail"]);
/** Translations' events (issue 19), the preflight refusals included: each names the translation to ask about. */
const isTranslationEvent = (eventType: string) => eventType.startsWith("video_translate.");

/**
 * Reads every shape HeyGen is known to send: `{event_id, event_type, event_data}` (v3), `event` instead of
 * `event_type`, legacy `url` / `msg` / `error`, and a flat body `{video_id, status, url, ...}` without
 * `event_data`. Never throws; anything unrecognised is kind `other`.
 */
export function parseHeygenEvent(payload: unknown): HeygenEvent {
  const outer = envelope.safeParse(payload);
  const head = outer.success ? outer.data : { event_id: null, event_type: null, event: null, event_data: null };
  const parsedData = eventData.safeParse(head.event_data ?? payload);
  const data = parsedData.success ? parsedData.data : null;

  const flatStatus = head.event_data ? null : data?.status?.toLowerCase();
  const eventType =
    head.event_type ??
    head.event ??
    (flatStatus === "completed" || flatStatus === "success" ? "avatar_video.success" : null) ??
    (flatStatus === "failed" || flatStatus === "fail" ? "avatar_video.fail" : "(none)");
  const failure =
    data?.failure_message ??
    data?.msg ??
    (typeof data?.error === "string" ? data.error : (data?.error?.message ?? null)) ??
    data?.failure_code ??
    null;

  const translation = isTranslationEvent(eventType);
  return {
    eventId: head.event_id ?? null,
    eventType,
    kind: translation ? "check" : SUCCESS.has(eventType) ? "success" : FAIL.has(eventType) ? "fail" : "other",
    videoId: translation
      ? (data?.video_translate_id ?? data?.video_translation_id ?? data?.id ?? data?.video_id ?? null)
      : (data?.video_id ?? null),
    callbackId: data?.callback_id ?? null,
    videoUrl: data?.video_url ?? data?.url ?? null,
    failure,
  };
}
