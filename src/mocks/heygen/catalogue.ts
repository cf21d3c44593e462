import type { ApiRoute } from "./api";
import { v2Ok } from "./api";

export type FakeAvatar = { avatar_id: string; avatar_name: string; gender: "female" | "male" };
export type FakeTalkingPhoto = { talking_photo_id: string; talking_photo_name: string };
export type FakeVoice = {
  voice_id: string;
  language: string;
  gender: "female" | "male";
  name: string;
  support_pause: boolean;
  emotion_support: boolean;
};

export const fakeAvatars: readonly FakeAvatar[] = [
  { avatar_id: "Abigail_expressive_2024112501", avatar_name: "Abigail (Upper Body)", gender: "female" },
  { avatar_id: "Daisy-inskirt-20220818", avatar_name: "Daisy in Skirt", gender: "female" },
  { avatar_id: "Tyler-incasualsuit-20220721", avatar_name: "Tyler in Casual Suit", gender: "male" },
  { avatar_id: "Brandon_expressive_2024112701", avatar_name: "Brandon (Office)", gender: "male" },
];

export const fakeTalkingPhotos: readonly FakeTalkingPhoto[] = [
  { talking_photo_id: "6d1b6e2f3a4c4b5d8e9f0a1b2c3d4e5f", talking_photo_name: "Offline Portrait" },
];

export const fakeVoices: readonly FakeVoice[] = [
  { voice_id: "1bd001e7e50f421d891986aad5158bc8", language: "English", gender: "female", name: "Sara", support_pause: true, emotion_support: true },
  { voice_id: "2d5b0e6cf36f460aa7fc47e3eee4ba54", language: "English", gender: "male", name: "Christopher", support_pause: true, emotion_support: false },
  { voice_id: "73c0b6a2e29d4d38aca41454bf58c955", language: "Spanish", gender: "female", name: "Elena", support_pause: true, emotion_support: false },
];

export const isKnownAvatar = (id: string) => fakeAvatars.some((a) => a.avatar_id === id);
export const isKnownTalkingPhoto = (id: string) => fakeTalkingPhotos.some((p) => p.talking_photo_id === id);
export const isKnownVoice = (id: string) => fakeVoices.some((v) => v.voice_id === id);

/** `mediaUrl(file)` signs a URL for a file that the fake's /media route serves (by extension). */
export function catalogueHandlers(route: ApiRoute, mediaUrl: (file: string) => string) {
  return [
    route("get", "/v2/avatars", () =>
      v2Ok({
        avatars: fakeAvatars.map((avatar) => ({
          ...avatar,
          preview_image_url: mediaUrl(`avatar-${avatar.avatar_id}.jpg`),
          preview_video_url: mediaUrl(`avatar-${avatar.avatar_id}.mp4`),
        })),
        talking_photos: fakeTalkingPhotos.map((photo) => ({
          ...photo,
          preview_image_url: mediaUrl(`talking-photo-${photo.talking_photo_id}.jpg`),
        })),
      }),
    ),
    route("get", "/v2/voices", () =>
      v2Ok({
        voices: fakeVoices.map((voice) => ({ ...voice, preview_audio: mediaUrl(`voice-${voice.voice_id}.mp3`) })),
      }),
    ),
  ];
}
