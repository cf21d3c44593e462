import { describe, expect, it } from "vitest";
import { parseHeygenEvent } from "@/server/heygen/webhook-event";

describe("parseHeygenEvent", () => {
  it("reads avatar_video.success", () => {
    const event = parseHeygenEvent({
      event_type: "avatar_video.success",
      event_data: { video_id: "v1", url: "https://r.heygen.ai/v1.mp4", callback_id: "ours", folder_id: "" },
    });
    expect(event).toEqual({ kind: "success", videoId: "v1", callbackId: "ours", videoUrl: "https://r.heygen.ai/v1.mp4" });
  });

  it("reads avatar_video.fail, with a default message when msg is empty", () => {
    expect(parseHeygenEvent({ event_type: "avatar_video.fail", event_data: { video_id: "v1", msg: "Too long" } })).toEqual({
      kind: "fail",
      videoId: "v1",
      callbackId: null,
      message: "Too long",
    });
    const silent = parseHeygenEvent({ event_type: "avatar_video.fail", event_data: { video_id: "v1", msg: "" } });
    expect(silent).toMatchObject({ kind: "fail", message: expect.stringMatching(/failed/) });
  });

  it("tolerates the flat shape", () => {
    expect(parseHeygenEvent({ video_id: "v1", status: "completed", video_url: "https://x.test/v.mp4" })).toMatchObject({
      kind: "success",
      videoUrl: "https://x.test/v.mp4",
    });
    expect(parseHeygenEvent({ video_id: "v1", status: "failed", msg: "nope" })).toMatchObject({ kind: "fail", message: "nope" });
  });

  it.each([
    [{ event_type: "avatar_video_gif.success", event_data: { video_id: "v1", url: "https://x.test/a.gif" } }, "avatar_video_gif.success"],
    [{ event_type: "avatar_video.success", event_data: { video_id: "v1" } }, "avatar_video.success"],
    [{ video_id: "v1", status: "processing" }, "(none)"],
    [null, "(none)"],
    ["text", "(none)"],
  ])("ignores %o", (payload, eventType) => {
    expect(parseHeygenEvent(payload)).toEqual({ kind: "ignored", eventType });
  });
});
