/** HeyGen's looks and voices as the admin's pickers and the catalogue routes use them. */

export const OWNERSHIPS = ["public", "private"] as const;
/** `public`: HeyGen's stock library. `private`: the account's own avatars and cloned voices. */
export type Ownership = (typeof OWNERSHIPS)[number];
export const OWNERSHIP_LABELS: Record<Ownership, string> = { public: "HeyGen’s library", private: "Your own" };

export const LOOK_ORIENTATIONS = ["portrait", "landscape", "square"] as const;
export type LookOrientation = (typeof LOOK_ORIENTATIONS)[number];
export const ORIENTATION_LABELS: Record<LookOrientation, string> = {
  portrait: "Portrait",
  landscape: "Landscape",
  square: "Square",
};

/** Items per page of the catalogue routes (HeyGen's public catalogue has thousands: never all at once). */
export const LOOK_PAGE_SIZE = 24;
export const VOICE_PAGE_SIZE = 20;
export const CATALOGUE_PAGE_MAX = 100;
/** A "describe the voice" prompt is a phrase ("warm, confident female narrator"), not an essay. */
export const VOICE_PROMPT_MAX_LENGTH = 300;

export type Voice = {
  id: string;
  name: string;
  language: string | null;
  /** Lower case, as HeyGen names it ("female", "male"). */
  gender: string | null;
  previewAudioUrl: string | null;
  ownership: Ownership;
};

/** A look is what HeyGen renders (an avatar in one outfit/pose); its id is POST /v3/videos's avatar_id. */
export type Look = {
  id: string;
  name: string;
  groupId: string | null;
  /** The avatar the look belongs to, e.g. "Abigail": the pickers group looks under it. */
  groupName: string | null;
  gender: string | null;
  avatarType: string;
  ownership: Ownership;
  defaultVoiceId: string | null;
  /** The look's own voice, when HeyGen lists it. */
  defaultVoice: Voice | null;
  previewImageUrl: string | null;
  previewVideoUrl: string | null;
  preferredOrientation: LookOrientation | null;
  supportedEngines: string[];
};

/** One page of a filtered catalogue list; `nextCursor` asks for the next one (null on the last). */
export type CataloguePage<T, F> = { items: T[]; total: number; nextCursor: string | null; filters: F };

export type LookPage = CataloguePage<Look, { genders: string[] }>;
export type VoicePage = CataloguePage<Voice, { languages: string[]; genders: string[] }>;

/** GET /api/admin/catalogue/looks filters; empty strings mean "any". */
export type LookFilters = {
  q: string;
  gender: string;
  orientation: "" | LookOrientation;
  ownership: "" | Ownership;
  group: string;
};
export type VoiceFilters = { q: string; language: string; gender: string };

export const NO_LOOK_FILTERS: LookFilters = { q: "", gender: "", orientation: "", ownership: "", group: "" };
export const NO_VOICE_FILTERS: VoiceFilters = { q: "", language: "", gender: "" };

/** POST /api/admin/catalogue/voices/search: HeyGen's "describe the voice" search, a few voices per `seed`. */
export type VoiceSearch = { prompt: string; gender?: "female" | "male"; locale?: string; seed?: number };
export type VoiceSearchResult = { items: Voice[]; seed: number };
