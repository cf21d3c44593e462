import type { Look, Voice } from "@/lib/catalogue";

/** A voice of HeyGen's catalogue as the app's catalogue routes describe it; `fields` change it. */
export const catalogueVoice = (fields: Partial<Voice> = {}): Voice => ({
  id: "voice-1",
  name: "Ava",
  language: "English",
  gender: "female",
  previewAudioUrl: null,
  ownership: "public",
  ...fields,
});

/** A look of HeyGen's catalogue, named after its id, with no voice of its own unless `fields` give one. */
export const catalogueLook = (id: string, fields: Partial<Look> = {}): Look => ({
  id,
  name: `Look ${id}`,
  groupId: null,
  groupName: null,
  gender: "female",
  avatarType: "avatar",
  ownership: "public",
  defaultVoiceId: null,
  defaultVoice: null,
  previewImageUrl: null,
  previewVideoUrl: null,
  preferredOrientation: null,
  supportedEngines: ["avatar_iv"],
  ...fields,
});
