import { describe, expect, it } from "vitest";
import { SCRIPT_MAX_LENGTH } from "@/lib/limits";
import { frameSize, nearestFormat } from "@/lib/video-format";
import { createVideoInput } from "@/lib/video-input";

const valid = { title: "Hi", script: "Hello", avatarId: "a", voiceId: "v", aspectRatio: "9:16", resolution: "720p" };
const firstIssue = (input: unknown) => {
  const result = createVideoInput.safeParse(input);
  return result.success
    ? null
    : { field: result.error.issues[0]?.path.join("."), message: result.error.issues[0]?.message };
};

describe("createVideoInput", () => {
  it("accepts a valid request, trims text, and reads an empty voice as the look's own", () => {
    expect(createVideoInput.parse({ ...valid, title: "  Hi  ", avatarId: " a ", voiceId: "" })).toEqual({
      title: "Hi",
      script: "Hello",
      description: null,
      avatarId: "a",
      voiceId: null,
      aspectRatio: "9:16",
      resolution: "720p",
      options: { captions: "sidecar", outputFormat: "mp4" },
      // Issue 18: public once ready unless told otherwise, as before.
      visibility: "PUBLIC",
      publishAt: null,
    });
  });

  it("defaults the resolution to 1080p", () => {
    expect(createVideoInput.parse({ ...valid, resolution: undefined }).resolution).toBe("1080p");
  });

  it(`accepts a script of ${SCRIPT_MAX_LENGTH} characters and refuses one more`, () => {
    expect(firstIssue({ ...valid, script: "x".repeat(SCRIPT_MAX_LENGTH) })).toBeNull();
    expect(firstIssue({ ...valid, script: "x".repeat(SCRIPT_MAX_LENGTH + 1) })).toEqual({
      field: "script",
      message: "Keep the script to 4,999 characters or fewer: HeyGen takes no more.",
    });
  });

  it.each([
    [
      { width: 1920, height: 1080 },
      { aspectRatio: "16:9", resolution: "1080p" },
    ],
    [
      { width: 1080, height: 1920 },
      { aspectRatio: "9:16", resolution: "1080p" },
    ],
    [
      { width: 1080, height: 1080 },
      { aspectRatio: "1:1", resolution: "1080p" },
    ],
    [
      { width: 1280, height: 720 },
      { aspectRatio: "16:9", resolution: "720p" },
    ],
    [
      { width: 1080, height: 1350 },
      { aspectRatio: "4:5", resolution: "1080p" },
    ],
    [
      { width: 3840, height: 2160 },
      { aspectRatio: "16:9", resolution: "4k" },
    ],
    [
      { width: 640, height: 480 },
      { aspectRatio: "5:4", resolution: "720p" },
    ],
  ])("maps legacy %o to the nearest preset %o", (size, preset) => {
    expect(createVideoInput.parse({ ...valid, aspectRatio: undefined, resolution: undefined, ...size })).toMatchObject(
      preset,
    );
  });

  it.each([
    [{ script: "" }, "script", "Write what the avatar says."],
    [{ script: "   " }, "script", "Write what the avatar says."],
    [{ aspectRatio: "2:1" }, "aspectRatio", "must be one of 16:9, 9:16, 1:1, 4:5, 5:4"],
    [{ aspectRatio: undefined }, "aspectRatio", "is required"],
    [{ resolution: "8k" }, "resolution", "must be one of 720p, 1080p, 4k"],
    [{ aspectRatio: undefined, width: 127, height: 720 }, "width", "must be at least 128"],
    [{ aspectRatio: undefined, width: 1281, height: 720 }, "width", "must be even"],
    [{ aspectRatio: undefined, width: 1280 }, "height", "is required"],
    [{ avatarId: "" }, "avatarId", "Pick a look."],
    [{ title: undefined }, "title", "Give the video a title."],
    [{ title: "x".repeat(201) }, "title", "Keep the title to 200 characters or fewer."],
  ])("refuses %o naming %s", (change, field, message) => {
    expect(firstIssue({ ...valid, ...change })).toEqual({ field, message });
  });
});

describe("video formats", () => {
  it.each([
    ["16:9", "1080p", 1920, 1080],
    ["9:16", "4k", 2160, 3840],
    ["4:5", "1080p", 1080, 1350],
    ["5:4", "720p", 900, 720],
    ["1:1", "720p", 720, 720],
  ] as const)("%s at %s is %i × %i, and maps back to itself", (aspectRatio, resolution, width, height) => {
    expect(frameSize(aspectRatio, resolution)).toEqual({ width, height });
    expect(nearestFormat(width, height)).toEqual({ aspectRatio, resolution });
  });
});
