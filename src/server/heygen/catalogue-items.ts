import type { z } from "zod";
import type { Look, Ownership, Voice } from "@/lib/catalogue";
import type { avatarGroupItem, lookItem, voiceItem } from "./schemas";

/** A look as HeyGen lists it; the catalogue adds its avatar's name and its voice (src/server/heygen/catalogue.ts). */
export type CatalogueLook = Omit<Look, "groupName" | "defaultVoice">;
export type AvatarGroup = { id: string; name: string; ownership: Ownership };

/** Private looks and avatars are listed while they train or after they failed: only ready ones can render. */
export const isReady = (item: { status: string | null }) => item.status === null || item.status === "completed";

export const toLook = (look: z.output<typeof lookItem>, ownership: Ownership): CatalogueLook => ({
  id: look.id,
  name: look.name,
  groupId: look.group_id,
  gender: look.gender?.toLowerCase() ?? null,
  avatarType: look.avatar_type,
  ownership,
  defaultVoiceId: look.default_voice_id,
  previewImageUrl: look.preview_image_url,
  previewVideoUrl: look.preview_video_url,
  preferredOrientation: look.preferred_orientation ?? null,
  supportedEngines: look.supported_api_engines ?? [],
});

export const toAvatarGroup = (group: z.output<typeof avatarGroupItem>, ownership: Ownership): AvatarGroup => ({
  id: group.id,
  name: group.name,
  ownership,
});

export const toVoice = (voice: z.output<typeof voiceItem>): Voice => ({
  id: voice.voice_id,
  name: voice.name,
  language: voice.language,
  gender: voice.gender?.toLowerCase() ?? null,
  previewAudioUrl: voice.preview_audio_url,
  ownership: voice.type === "private" ? "private" : "public",
});
