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
