import { describe, expect, it } from "vitest";
import { parseHeygenEvent } from "@/server/webhooks/parse-event";

describe("parseHeygenEvent", () => {
  it("reads a v3 avatar_video.success", () => {
    expect(
      parseHeygenEvent({
        event_id: "evt_1",
        event_type: "avatar_video.success",
        created_at: "2026-11-25T10:00:00Z",
        event_data: {
          video_id: "v1",
          video_url: "https://r.heygen.ai/v1.mp4",
          callback_id: "ours",
          gif_download_url: null,
        },
      }),
    ).toEqual({
      eventId: "evt_1",
      eventType: "avatar_video.success",
      kind: "success",
      videoId: "v1",
      callbackId: "ours",
      videoUrl: "https://r.heygen.ai/v1.mp4",
      failure: null,
    });
  });

  it.each([
    [{ failure_code: "X", failure_message: "Render crashed" }, "Render crashed"],
    [{ msg: "Too long" }, "Too long"],
    [{ error: "MOVIO_PAYMENT_INSUFFICIENT_CREDIT" }, "MOVIO_PAYMENT_INSUFFICIENT_CREDIT"],
    [{ error: { code: 1, message: "Blocked" } }, "Blocked"],
    [{ failure_code: "ONLY_A_CODE" }, "ONLY_A_CODE"],
    [{}, null],
  ])("reads a failure from %o", (data, failure) => {
    expect(
      parseHeygenEvent({ event_type: "avatar_video.fail", event_data: { video_id: "v1", ...data } }),
    ).toMatchObject({
      kind: "fail",
      failure,
    });
  });

  it("reads legacy `url`, `event` instead of `event_type`, and flat bodies", () => {
    expect(
      parseHeygenEvent({ event: "avatar_video.success", event_data: { video_id: "v1", url: "https://x.test/v.mp4" } }),
    ).toMatchObject({
      kind: "success",
      eventId: null,
      videoUrl: "https://x.test/v.mp4",
    });
    expect(parseHeygenEvent({ video_id: "v1", status: "completed", video_url: "https://x.test/v.mp4" })).toMatchObject({
      kind: "success",
      videoId: "v1",
    });
    expect(parseHeygenEvent({ video_id: "v1", status: "failed", msg: "nope" })).toMatchObject({
      kind: "fail",
      failure: "nope",
    });
  });

  it("refuses ids that could not be ours (NUL bytes, control characters) rather than passing them on", () => {
    expect(
      parseHeygenEvent({ event_type: "avatar_video.fail", event_data: { video_id: "a\u0000b", callback_id: "x\ny" } }),
    ).toMatchObject({
      videoId: null,
      callbackId: null,
    });
  });

  it.each([
    [
      { event_type: "avatar_video_gif.success", event_data: { video_id: "v1", url: "https://x.test/a.gif" } },
      "avatar_video_gif.success",
    ],
    [{ video_id: "v1", status: "processing" }, "(none)"],
    [null, "(none)"],
    ["text", "(none)"],
  ])("classifies %o as other", (payload, eventType) => {
    expect(parseHeygenEvent(payload)).toMatchObject({ kind: "other", eventType });
  });
});

describe("a translation's events (video_translate.*)", () => {
  it.each([
    ["video_translate_id", { video_translate_id: "tr_1", callback_id: "ours" }],
    ["video_translation_id", { video_translation_id: "tr_1", callback_id: "ours" }],
    ["id", { id: "tr_1", callback_id: "ours" }],
  ])("are a 'go and look' naming the translation by %s, whatever status they carry", (_, data) => {
    const event = parseHeygenEvent({
      event_id: "evt_t",
      event_type: "video_translate.success",
      event_data: { ...data, status: "completed", url: "https://cdn.example.com/t.mp4" },
    });
    expect(event).toMatchObject({
      kind: "check",
      videoId: "tr_1",
      callbackId: "ours",
      eventType: "video_translate.success",
    });
  });

  it("names only our id when that is all the event carries, and reads .fail and preflight refusals alike", () => {
    expect(parseHeygenEvent({ event_type: "video_translate.fail", event_data: { callback_id: "ours" } })).toMatchObject(
      {
        kind: "check",
        videoId: null,
        callbackId: "ours",
      },
    );
    expect(
      parseHeygenEvent({
        event: "video_translate.preflight.download_failed",
        event_data: { video_translate_id: "tr_2" },
      }),
    ).toMatchObject({ kind: "check", videoId: "tr_2" });
  });

  it("leaves an avatar video's `id` field alone: a video's event names video_id", () => {
    expect(
      parseHeygenEvent({ event_type: "avatar_video.success", event_data: { id: "x", video_url: "https://a.b/c.mp4" } }),
    ).toMatchObject({ kind: "success", videoId: null });
  });
});
