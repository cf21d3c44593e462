/**
 * The fake account's avatars and voices: small, but with one of every kind the app has to handle
 * (each avatar type, each orientation, a private look and voice, a look without a default voice).
 * Preview URLs are added when served, because they are signed and expire.
 */

export type AvatarType = "studio_avatar" | "digital_twin" | "photo_avatar";
export type AvatarEngine = "avatar_iii" | "avatar_iv" | "avatar_v";
export type Ownership = "public" | "private";
export type VoiceEngine = "elevenlabs" | "fish" | "starfish";
type Gender = "female" | "male";

export type FakeAvatarGroup = {
  id: string;
  name: string;
  gender: Gender;
  default_voice_id: string | null;
  /** Unix seconds. */
  created_at: number;
  ownership: Ownership;
};

export type FakeLook = {
  id: string;
  group_id: string;
  name: string;
  gender: Gender;
  avatar_type: AvatarType;
  default_voice_id: string | null;
  preferred_orientation: "portrait" | "landscape" | "square";
  image_width: number;
  image_height: number;
  supported_api_engines: AvatarEngine[];
  tags: string[];
  ownership: Ownership;
};

export type FakeVoice = {
  voice_id: string;
  name: string;
  language: string;
  gender: Gender;
  support_pause: boolean;
  support_locale: boolean;
  type: Ownership;
  /** Not in HeyGen's list response: drives the `engine` filter and `voice_settings.engine_settings` checks. */
  engines: VoiceEngine[];
};

/** Ids that tests and seeds can name directly. */
export const FAKE_IDS = {
  groups: {
    abigail: "b1f0c2a8d4e6471f9a3b5c7d9e1f2a3b",
    brandon: "c2a1d3b9e5f7482a8b4c6d8e0f1a2b3c",
    twin: "d3b2e4c0f6a8493b9c5d7e9f1a2b3c4d",
    portrait: "e4c3f5d1a7b94a4c8d6e8f0a1b2c3d4e",
  },
  looks: {
    /** studio_avatar, landscape 1920×1080, default voice Sara. */
    landscape: "Abigail_expressive_2024112501",
    /** studio_avatar, portrait 1080×1920, supports avatar_v, default voice Sara. */
    portrait: "Abigail_standing_office_front_20250214",
    /** studio_avatar, landscape, default voice Christopher. */
    brandon: "Brandon_expressive_2024112701",
    /** studio_avatar, square 1080×1080, Avatar IV only, default voice Christopher. */
    square: "Brandon_casual_square_20250310",
    /** digital_twin, private, landscape, default voice: the private clone. */
    privateTwin: "5f1e9c3a7b2d4e6f8a0b1c2d3e4f5a6b",
    /** photo_avatar, square 1024×1024, NO default voice: a script needs an explicit voice_id. */
    photoNoDefaultVoice: "7a2b4c6d8e0f41a3b5c7d9e1f3a5b7c9",
  },
  voices: {
    sara: "1bd001e7e50f421d891986aad5158bc8",
    christopher: "2d5b0e6cf36f460aa7fc47e3eee4ba54",
    olivia: "42d598350e5a4a9e8a1b6f1f4c6c3d21",
    james: "5403a745860347beb8d5ed2f0d4f3c5a",
    elena: "73c0b6a2e29d4d38aca41454bf58c955",
    mateo: "8b1c2d3e4f5a4b6c9d7e8f9a0b1c2d3e",
    lena: "9c2d3e4f5a6b4c7d8e9f0a1b2c3d4e5f",
    jonas: "a0d3e4f5a6b74c8d9e0f1a2b3c4d5e6f",
    /** The account's own clone: only listed with `type=private`. */
    privateClone: "f6e5d4c3b2a14f0e9d8c7b6a5f4e3d2c",
  },
} as const;

const { groups, looks, voices } = FAKE_IDS;

export const fakeAvatarGroups: readonly FakeAvatarGroup[] = [
  {
    id: groups.abigail,
    name: "Abigail",
    gender: "female",
    default_voice_id: voices.sara,
    created_at: 1732492800,
    ownership: "public",
  },
  {
    id: groups.brandon,
    name: "Brandon",
    gender: "male",
    default_voice_id: voices.christopher,
    created_at: 1732665600,
    ownership: "public",
  },
  {
    id: groups.twin,
    name: "Sam (my digital twin)",
    gender: "male",
    default_voice_id: voices.privateClone,
    created_at: 1748736000,
    ownership: "private",
  },
  {
    id: groups.portrait,
    name: "Offline Portrait",
    gender: "female",
    default_voice_id: null,
    created_at: 1741824000,
    ownership: "public",
  },
];

export const fakeLooks: readonly FakeLook[] = [
  {
    id: looks.landscape,
    group_id: groups.abigail,
    name: "Abigail (Upper Body)",
    gender: "female",
    avatar_type: "studio_avatar",
    default_voice_id: voices.sara,
    preferred_orientation: "landscape",
    image_width: 1920,
    image_height: 1080,
    supported_api_engines: ["avatar_iv", "avatar_iii"],
    tags: ["professional", "upper_body"],
    ownership: "public",
  },
  {
    id: looks.portrait,
    group_id: groups.abigail,
    name: "Abigail Standing (Portrait)",
    gender: "female",
    avatar_type: "studio_avatar",
    default_voice_id: voices.sara,
    preferred_orientation: "portrait",
    image_width: 1080,
    image_height: 1920,
    supported_api_engines: ["avatar_v", "avatar_iv", "avatar_iii"],
    tags: ["professional", "full_body", "vertical"],
    ownership: "public",
  },
  {
    id: looks.brandon,
    group_id: groups.brandon,
    name: "Brandon (Office)",
    gender: "male",
    avatar_type: "studio_avatar",
    default_voice_id: voices.christopher,
    preferred_orientation: "landscape",
    image_width: 1920,
    image_height: 1080,
    supported_api_engines: ["avatar_iv", "avatar_iii"],
    tags: ["professional", "office"],
    ownership: "public",
  },
  {
    id: looks.square,
    group_id: groups.brandon,
    name: "Brandon Casual (Square)",
    gender: "male",
    avatar_type: "studio_avatar",
    default_voice_id: voices.christopher,
    preferred_orientation: "square",
    image_width: 1080,
    image_height: 1080,
    supported_api_engines: ["avatar_iv"],
    tags: ["casual"],
    ownership: "public",
  },
  {
    id: looks.privateTwin,
    group_id: groups.twin,
    name: "Sam at the Desk",
    gender: "male",
    avatar_type: "digital_twin",
    default_voice_id: voices.privateClone,
    preferred_orientation: "landscape",
    image_width: 1920,
    image_height: 1080,
    supported_api_engines: ["avatar_v", "avatar_iv", "avatar_iii"],
    tags: ["custom"],
    ownership: "private",
  },
  {
    id: looks.photoNoDefaultVoice,
    group_id: groups.portrait,
    name: "Offline Portrait",
    gender: "female",
    avatar_type: "photo_avatar",
    default_voice_id: null,
    preferred_orientation: "square",
    image_width: 1024,
    image_height: 1024,
    supported_api_engines: ["avatar_iv", "avatar_iii"],
    tags: ["photo"],
    ownership: "public",
  },
];

const publicVoice = (
  voice_id: string,
  name: string,
  language: string,
  gender: Gender,
  engines: VoiceEngine[],
): FakeVoice => ({
  voice_id,
  name,
  language,
  gender,
  support_pause: true,
  support_locale: language === "English",
  type: "public",
  engines,
});

export const fakeVoices: readonly FakeVoice[] = [
  publicVoice(voices.sara, "Sara", "English", "female", ["elevenlabs", "starfish"]),
  publicVoice(voices.christopher, "Christopher", "English", "male", ["elevenlabs", "starfish"]),
  publicVoice(voices.olivia, "Olivia", "English", "female", ["starfish"]),
  publicVoice(voices.james, "James", "English", "male", ["fish"]),
  publicVoice(voices.elena, "Elena", "Spanish", "female", ["elevenlabs"]),
  publicVoice(voices.mateo, "Mateo", "Spanish", "male", ["fish", "starfish"]),
  publicVoice(voices.lena, "Lena", "German", "female", ["elevenlabs"]),
  publicVoice(voices.jonas, "Jonas", "German", "male", ["starfish"]),
  {
    voice_id: voices.privateClone,
    name: "Sam (voice clone)",
    language: "English",
    gender: "male",
    support_pause: false,
    support_locale: false,
    type: "private",
    engines: ["elevenlabs"],
  },
];

export const findLook = (id: string) => fakeLooks.find((look) => look.id === id);
export const findVoice = (id: string) => fakeVoices.find((voice) => voice.voice_id === id);
export const findGroup = (id: string) => fakeAvatarGroups.find((group) => group.id === id);
