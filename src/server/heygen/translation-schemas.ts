import { z } from "zod";
import { nonBlank, nullableNumber, nullableString } from "./schemas";

// HeyGen's video translation shapes (../shared/heygen-api.md "Video translation", from gen/video-translate.go in
// HeyGen's CLI). Requests strict, responses loose; where HeyGen's text leaves a name unconfirmed, both are accepted.

/** POST /v3/video-translations: one source video into `output_languages` (HeyGen's language names). */
export const createTranslationRequest = z.strictObject({
  video: z.strictObject({ type: z.literal("url"), url: z.url({ protocol: /^https?$/ }) }),
  output_languages: z.array(nonBlank).min(1),
  mode: z.enum(["speed", "precision"]),
  title: z.string().optional(),
  callback_id: z.string().optional(),
  callback_url: z.url({ protocol: /^https?$/ }).optional(),
  enable_caption: z.boolean(),
});

export type CreateTranslationRequestBody = z.infer<typeof createTranslationRequest>;

/** `{data: {video_translation_ids: [...]}}`, one per output language, in their order (older texts: `video_translate_id`). */
export const createTranslationResponse = z
  .object({
    data: z.object({
      video_translation_ids: z.array(nonBlank).nullish(),
      video_translate_ids: z.array(nonBlank).nullish(),
      video_translation_id: nonBlank.nullish(),
      video_translate_id: nonBlank.nullish(),
    }),
  })
  .transform(({ data }) => ({
    ids:
      data.video_translation_ids ??
      data.video_translate_ids ??
      [data.video_translation_id ?? data.video_translate_id].filter((id): id is string => !!id),
  }))
  .refine(({ ids }) => ids.length > 0, "no translation id in HeyGen's answer");

/** A translation as GET /v3/video-translations/{id} and the list describe it (`id`, or `video_translation_id`). */
export const translationResource = z
  .object({
    id: nonBlank.nullish(),
    video_translation_id: nonBlank.nullish(),
    status: z.string(),
    title: nullableString,
    callback_id: nullableString,
    input_language: nullableString,
    output_language: nullableString,
    duration: nullableNumber,
    video_url: nullableString,
    audio_url: nullableString,
    srt_caption_url: nullableString,
    vtt_caption_url: nullableString,
    failure_message: nullableString,
    created_at: nullableNumber,
  })
  .refine((item) => !!(item.id ?? item.video_translation_id), "a translation without an id")
  .transform(({ id, video_translation_id, ...rest }) => ({ ...rest, id: (id ?? video_translation_id)! }));

export const translationDetailsResponse = z.object({ data: translationResource });

/** `{data: {languages: [...]}}` (or, defensively, `{data: [...]}`). */
export const translationLanguagesResponse = z
  .object({ data: z.union([z.object({ languages: z.array(z.string()) }), z.array(z.string())]) })
  .transform(({ data }) => (Array.isArray(data) ? data : data.languages).map((name) => name.trim()).filter(Boolean));
