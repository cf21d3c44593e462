import { describe, expect, it } from "vitest";
import type { Look } from "@/lib/catalogue";
import { storedOptions } from "@/lib/generation-options";
import type { Presenter } from "@/lib/presenter";
import { initialStudioDraft } from "@/lib/studio-draft";
import { lacksVoice, presenterDraft, presenterSettings } from "@/lib/presenter-draft";
import { updatePresenterInput } from "@/lib/presenter-input";

const photoLook: Look = {
  id: "photo-1",
  name: "Anna outdoors",
  groupId: null,
  groupName: "Anna",
  gender: "female",
  avatarType: "photo_avatar",
  ownership: "private",
  defaultVoiceId: null,
  defaultVoice: null,
  previewImageUrl: null,
  previewVideoUrl: null,
  preferredOrientation: "portrait",
  supportedEngines: ["avatar_iii", "avatar_iv", "avatar_v"],
};

const presenter = (fields: Partial<Presenter> = {}): Presenter => ({
  id: "p-1",
  name: "Anna",
  avatarId: "photo-1",
  voiceId: "voice-2",
  aspectRatio: "9:16",
  resolution: "720p",
  options: { captions: "sidecar", outputFormat: "mp4" },
  tags: ["news"],
  languages: [],
  active: true,
  ...fields,
});

/** Edit → Save without a change: what the server reads back from the PATCH the editor sends. */
const savedUnchanged = (saved: Presenter, look: Look | null) =>
  updatePresenterInput.parse(JSON.parse(JSON.stringify(presenterSettings(presenterDraft(saved, look)))));

const settingsOf = ({ avatarId, voiceId, aspectRatio, resolution, options }: Presenter) => ({
  avatarId,
  voiceId,
  aspectRatio,
  resolution,
  options,
});

describe("a presenter's settings through the editor's draft", () => {
  it.each([
    [
      "every option set, a colour background",
      presenter({
        options: {
          engine: "avatar_iv",
          voiceSpeed: 0.9,
          voicePitch: 5,
          voiceLocale: "en-AU",
          background: { type: "color", value: "#0a0b0c" },
          captions: "burned",
          expressiveness: "medium",
          motionPrompt: "smiles",
          removeBackground: true,
          outputFormat: "mp4",
        },
      }),
    ],
    [
      "an image background, Avatar V",
      presenter({
        options: {
          engine: "avatar_v",
          background: { type: "image", url: "https://example.com/studio.jpg" },
          captions: "sidecar",
          outputFormat: "mp4",
        },
      }),
    ],
    [
      "the look's own voice, a WebM video",
      presenter({ voiceId: null, options: { captions: "sidecar", outputFormat: "webm" } }),
    ],
  ])("come back unchanged when saved without a change: %s", (_, saved) => {
    expect(savedUnchanged(saved, photoLook)).toEqual(settingsOf(saved));
  });

  it("keeps the presenter's look when the catalogue cannot describe it", () => {
    const saved = presenter({ avatarId: "look-gone" });
    expect(presenterDraft(saved, null)).toMatchObject({ lookId: "look-gone", look: null });
    expect(savedUnchanged(saved, null)).toEqual(settingsOf(saved));
  });

  it("fills in the blank form's values for what a presenter saved before options existed leaves out", () => {
    const old = presenter({ options: storedOptions({}) });
    const blank = initialStudioDraft(photoLook);
    expect(presenterDraft(old, photoLook).options).toEqual(blank.options);
  });
});

describe("lacksVoice", () => {
  it("asks for a voice only when the chosen look has none of its own and none is picked", () => {
    const draft = presenterDraft(presenter({ voiceId: null }), photoLook);
    expect(lacksVoice(draft)).toBe(true);
    expect(lacksVoice({ ...draft, voiceId: "voice-2" })).toBe(false);
    expect(lacksVoice({ ...draft, look: { ...photoLook, defaultVoiceId: "voice-anna" } })).toBe(false);
    expect(lacksVoice({ ...draft, look: null })).toBe(false); // a typed-in look: HeyGen will say
  });
});
