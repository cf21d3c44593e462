/** HeyGen's looks and voices as the admin form uses them. */

export type LookOrientation = "portrait" | "landscape" | "square";

/** A look is what HeyGen renders (an avatar in one outfit/pose); its id is POST /v3/videos's avatar_id. */
export type Look = {
  id: string;
  name: string;
  groupId: string | null;
  gender: string | null;
  avatarType: string;
  defaultVoiceId: string | null;
  previewImageUrl: string | null;
  previewVideoUrl: string | null;
  preferredOrientation: LookOrientation | null;
  supportedEngines: string[];
};

export type Voice = {
  id: string;
  name: string;
  language: string | null;
  gender: string | null;
  previewAudioUrl: string | null;
  private: boolean;
};

/** What the admin page shows of the HeyGen account; null fields are ones HeyGen did not report. */
export type AccountSummary = {
  billingType: "wallet" | "subscription" | "usage_based" | null;
  /** e.g. "42 credits left", "$12.50 left". */
  balance: string | null;
};
