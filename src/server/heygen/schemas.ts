import { z } from "zod";

// Response shapes from ../shared/heygen-api.md. Objects are non-strict: HeyGen adds fields freely.

/** `error` is an object on v2, sometimes a bare string, and absent or null on success. */
export const heygenErrorField = z
  .union([
    z.object({
      code: z.union([z.string(), z.number()]).nullish(),
      message: z.string().nullish(),
      detail: z.string().nullish(),
    }),
    z.string(),
  ])
  .nullish();

/** Error bodies: v2 `{ error: {code, message} }` or v1 `{ code: 40009, message | msg }`. */
export const heygenErrorBody = z.object({
  error: heygenErrorField,
  code: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
  msg: z.string().nullish(),
});

export const generateVideoResponse = z.object({
  data: z.object({ video_id: z.string().min(1) }),
});

export const videoStatusResponse = z.object({
  data: z.object({
    id: z.string().nullish(),
    status: z.string(),
    callback_id: z.string().nullish(),
    video_url: z.string().nullish(),
    thumbnail_url: z.string().nullish(),
    duration: z.number().nullish(),
    error: heygenErrorField,
  }),
});

export const avatarsResponse = z.object({
  data: z.object({
    avatars: z.array(
      z.object({
        avatar_id: z.string(),
        avatar_name: z.string().nullish(),
        gender: z.string().nullish(),
        preview_image_url: z.string().nullish(),
        preview_video_url: z.string().nullish(),
      }),
    ),
  }),
});

export const voicesResponse = z.object({
  data: z.object({
    voices: z.array(
      z.object({
        voice_id: z.string(),
        name: z.string().nullish(),
        language: z.string().nullish(),
        gender: z.string().nullish(),
        preview_audio: z.string().nullish(),
      }),
    ),
  }),
});

export const remainingQuotaResponse = z.object({
  data: z.object({ remaining_quota: z.number() }),
});
