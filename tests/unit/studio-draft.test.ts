import { describe, expect, it } from "vitest";
import type { Look } from "@/lib/catalogue";
import { availableOptions, initialStudioDraft, toCreateVideoInput, type StudioDraft } from "@/lib/studio-draft";
import { createVideoInput } from "@/lib/video-input";

const look = (fields: Partial<Look> = {}): Look => ({
  id: "look-1",
  name: "Anna at the desk",
  groupId: "g-anna",
  groupName: "Anna",
  gender: "female",
  avatarType: "avatar",
  ownership: "public",
  defaultVoiceId: "voice-anna",
  defaultVoice: null,
  previewImageUrl: null,
  previewVideoUrl: null,
  preferredOrientation: null,
  supportedEngines: ["avatar_iii", "avatar_iv", "avatar_v"],
  ...fields,
});
const photo = (fields: Partial<Look> = {}) => look({ id: "photo-1", avatarType: "photo_avatar", ...fields });

/** The studio's draft with these changes, as the form holds it. */
function draft(from: Look | null, change: Partial<StudioDraft> = {}, options: Partial<StudioDraft["options"]> = {}) {
  const blank = initialStudioDraft(from);
  return {
    ...blank,
    title: "Morning news",
    script: "Good morning.",
    ...change,
    options: { ...blank.options, ...options },
  };
}

/** What the server reads from the form's request: sent as JSON, parsed by the API's own schema. */
const received = (studio: StudioDraft) =>
  createVideoInput.parse(JSON.parse(JSON.stringify(toCreateVideoInput(studio))));

describe("the studio's draft", () => {
  it("starts from the look: its id, the format its orientation suits, 1080p, and no option set", () => {
    expect(initialStudioDraft(look({ preferredOrientation: "portrait" }))).toMatchObject({
      lookId: "look-1",
      voiceId: "",
      aspectRatio: "9:16",
      resolution: "1080p",
    });
    expect(initialStudioDraft(look({ preferredOrientation: "square" })).aspectRatio).toBe("1:1");
    expect(initialStudioDraft(look({ preferredOrientation: "landscape" })).aspectRatio).toBe("16:9");
    expect(initialStudioDraft(null)).toMatchObject({ lookId: "", look: null, aspectRatio: "16:9" });
  });

  it("sends an untouched form as the API's defaults: the look's own voice, captions as a sidecar file, MP4", () => {
    expect(received(draft(look()))).toEqual({
      title: "Morning news",
      script: "Good morning.",
      description: null,
      avatarId: "look-1",
      voiceId: null,
      aspectRatio: "16:9",
      resolution: "1080p",
      options: { captions: "sidecar", outputFormat: "mp4" },
      // Issue 18: public once ready unless told otherwise, as before.
      visibility: "PUBLIC",
      publishAt: null,
    });
  });

  it("sends every option a look can take as the API reads it (text trimmed)", () => {
    const studio = draft(
      photo(),
      { voiceId: "voice-2", aspectRatio: "4:5", resolution: "4k" },
      {
        engine: "avatar_iv",
        voiceSpeed: 1.2,
        voicePitch: -10,
        voiceLocale: " en-GB ",
        backgroundKind: "color",
        backgroundColor: "#112233",
        captions: "burned",
        expressiveness: "high",
        motionPrompt: "nods while speaking",
        removeBackground: true,
      },
    );
    expect(received(studio)).toEqual({
      title: "Morning news",
      script: "Good morning.",
      description: null,
      avatarId: "photo-1",
      voiceId: "voice-2",
      aspectRatio: "4:5",
      resolution: "4k",
      // Issue 18: public once ready unless told otherwise, as before.
      visibility: "PUBLIC",
      publishAt: null,
      options: {
        engine: "avatar_iv",
        voiceSpeed: 1.2,
        voicePitch: -10,
        voiceLocale: "en-GB",
        background: { type: "color", value: "#112233" },
        captions: "burned",
        expressiveness: "high",
        motionPrompt: "nods while speaking",
        removeBackground: true,
        outputFormat: "mp4",
      },
    });
    const image = draft(look(), {}, { backgroundKind: "image", backgroundImageUrl: " https://example.com/bg.png " });
    expect(received(image).options.background).toEqual({ type: "image", url: "https://example.com/bg.png" });
  });

  it("keeps a choice the look cannot take, but does not send it", () => {
    const onlyIii = look({ supportedEngines: ["avatar_iii"] });
    const studio = draft(onlyIii, {}, { engine: "avatar_v", expressiveness: "low", motionPrompt: "waves" });
    expect(studio.options).toMatchObject({ engine: "avatar_v", expressiveness: "low", motionPrompt: "waves" });
    expect(received(studio).options).toEqual({ captions: "sidecar", outputFormat: "mp4" });
    // Picking a look that can take them sends them again.
    expect(received({ ...studio, look: photo(), lookId: "photo-1" }).options).toEqual({
      engine: "avatar_v",
      motionPrompt: "waves",
      captions: "sidecar",
      outputFormat: "mp4",
    });
  });

  it("sends no background with a WebM video (it is transparent), and no blank motion prompt", () => {
    const webm = draft(
      photo(),
      {},
      { outputFormat: "webm", backgroundKind: "color", removeBackground: true, motionPrompt: "   " },
    );
    expect(received(webm).options).toEqual({ captions: "sidecar", outputFormat: "webm" });
  });
});

describe("availableOptions: what a look can take, by HeyGen's rules", () => {
  it.each([
    ["a video look on the default engine", look(), "", { expressiveness: false, motionPrompt: false }],
    ["a video look on Avatar V", look(), "avatar_v", { expressiveness: false, motionPrompt: true }],
    ["a photo look on the default engine (Avatar IV)", photo(), "", { expressiveness: true, motionPrompt: true }],
    ["a photo look on Avatar III", photo(), "avatar_iii", { expressiveness: false, motionPrompt: false }],
    ["a photo look on Avatar V", photo(), "avatar_v", { expressiveness: false, motionPrompt: true }],
    ["a typed-in look", null, "avatar_iv", { expressiveness: false, motionPrompt: false }],
  ] as const)("%s", (_, which, engine, expected) => {
    expect(availableOptions(which, engine)).toMatchObject(expected);
  });

  it("offers the engines the look lists, every engine for a typed-in look, and drops a choice it cannot take", () => {
    const onlyIv = look({ supportedEngines: ["avatar_iv", "something_new"] });
    expect(availableOptions(onlyIv, "avatar_v")).toMatchObject({ engines: ["avatar_iv"], engine: "" });
    expect(availableOptions(null, "avatar_v")).toMatchObject({
      engines: ["avatar_iii", "avatar_iv", "avatar_v"],
      engine: "avatar_v",
    });
  });
});
