import { z } from "zod";
import { BCP47, ENGINES, EXPRESSIVENESS_LEVELS, HEX_COLOUR, OUTPUT_FORMATS } from "@/lib/generation-options";
import {
  MOTION_PROMPT_MAX_LENGTH,
  SCRIPT_MAX_LENGTH,
  VOICE_PITCH_MAX,
  VOICE_PITCH_MIN,
  VOICE_SPEED_MAX,
  VOICE_SPEED_MIN,
} from "@/lib/limits";
import { ASPECT_RATIOS, RESOLUTIONS } from "@/lib/video-format";

// HeyGen v3 shapes (../shared/heygen-api.md, checked against the OpenAPI schemas in heygen-com/heygen-cli gen/*.go).
// Requests are strict: a field HeyGen does not know is our bug. Responses are not: HeyGen adds fields freely.

/** Shared with translation-schemas.ts: a non-empty string, and HeyGen's optional fields read as null when absent. */
export const nonBlank = z.string().trim().min(1);

/** POST /v3/videos, the avatar variant (CreateVideoFromAvatar). */
export const createVideoRequest = z.strictObject({
  type: z.literal("avatar"),
  avatar_id: nonBlank,
  script: nonBlank.max(SCRIPT_MAX_LENGTH),
  /** Omitted: the look's default voice. */
  voice_id: nonBlank.optional(),
  title: z.string().optional(),
  aspect_ratio: z.enum(ASPECT_RATIOS),
  resolution: z.enum(RESOLUTIONS),
  /** Omitted: HeyGen's default engine (Avatar IV). */
  engine: z.strictObject({ type: z.enum(ENGINES) }).optional(),
  background: z
    .discriminatedUnion("type", [
      z.strictObject({ type: z.literal("color"), value: z.string().regex(HEX_COLOUR) }),
      z.strictObject({ type: z.literal("image"), url: z.url({ protocol: /^https$/ }) }),
    ])
    .optional(),
  voice_settings: z
    .strictObject({
      speed: z.number().min(VOICE_SPEED_MIN).max(VOICE_SPEED_MAX).optional(),
      pitch: z.number().min(VOICE_PITCH_MIN).max(VOICE_PITCH_MAX).optional(),
      locale: z.string().regex(BCP47).optional(),
    })
    .optional(),
  /** A sidecar SRT is always made; `style: "default"` also burns the captions into the picture. */
  caption: z.strictObject({ file_format: z.literal("srt"), style: z.literal("default").optional() }).optional(),
  expressiveness: z.enum(EXPRESSIVENESS_LEVELS).optional(),
  motion_prompt: nonBlank.max(MOTION_PROMPT_MAX_LENGTH).optional(),
  remove_background: z.boolean().optional(),
  output_format: z.enum(OUTPUT_FORMATS).optional(),
  /** Our own video id, echoed back in webhooks: a correlation id, never a URL. */
  callback_id: z.string().optional(),
  callback_url: z.url({ protocol: /^https?$/ }).optional(),
});

export type CreateVideoRequestBody = z.infer<typeof createVideoRequest>;

/** `{"error": {"code", "message", "param", "doc_url"}}`: HeyGen's own error envelope. */
export const heygenErrorEnvelope = z.object({
  error: z.object({
    code: z.union([z.string(), z.number()]).nullish(),
    message: z.string().min(1),
    param: z.string().nullish(),
  }),
});

export const nullableString = z
  .string()
  .nullish()
  .transform((value) => value || null);
export const nullableNumber = z
  .number()
  .nullish()
  .transform((value) => value ?? null);

export const createVideoResponse = z.object({
  data: z.object({ video_id: nonBlank, status: z.string().nullish() }),
});

/** A video as GET /v3/videos/{video_id} and GET /v3/videos (list) describe it. */
export const videoResource = z.object({
  id: nonBlank,
  status: z.string(),
  title: nullableString,
  created_at: nullableNumber,
  completed_at: nullableNumber,
  duration: nullableNumber,
  video_url: nullableString,
  captioned_video_url: nullableString,
  subtitle_url: nullableString,
  thumbnail_url: nullableString,
  failure_code: nullableString,
  failure_message: nullableString,
});

export const videoDetailsResponse = z.object({ data: videoResource });

/** GET /v3/videos/statuses: `error` is an object (its fields unspecified) or, defensively, a string. */
export const videoStatusesResponse = z.object({
  data: z.array(
    z.object({
      video_id: nullableString,
      status: z.string(),
      error: z
        .union([z.string(), z.object({ code: z.unknown().optional(), message: z.string().nullish() }).loose()])
        .nullish(),
    }),
  ),
});

/** `{"data": item}`: every single-object answer. */
export const dataOf = <T extends z.ZodType>(item: T) => z.object({ data: item });

/** Paginated lists: `limit` + `token` in, `has_more` + `next_token` out. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), has_more: z.boolean().nullish(), next_token: z.string().nullish() });

/** GET /v3/avatars/looks items. `status` is only sent for the account's own looks (training, failed, ready). */
export const lookItem = z.object({
  id: nonBlank,
  name: z.string(),
  group_id: nullableString,
  gender: nullableString,
  avatar_type: z.string(),
  default_voice_id: nullableString,
  preview_image_url: nullableString,
  preview_video_url: nullableString,
  preferred_orientation: z.enum(["portrait", "landscape", "square"]).nullish().catch(null),
  supported_api_engines: z.array(z.string()).nullish(),
  status: nullableString,
});

/** GET /v3/avatars items: the avatar groups that looks belong to. */
export const avatarGroupItem = z.object({ id: nonBlank, name: z.string(), status: nullableString });

/** GET /v3/voices items, and the voices POST /v3/voices finds. */
export const voiceItem = z.object({
  voice_id: nonBlank,
  name: z.string(),
  language: nullableString,
  gender: nullableString,
  preview_audio_url: nullableString,
  type: z.string().nullish(),
});

/** POST /v3/voices ("design a voice"): a semantic search of the library; it creates nothing. */
export const voiceSearchRequest = z.strictObject({
  prompt: nonBlank,
  gender: z.enum(["female", "male"]).optional(),
  locale: z.string().min(2).optional(),
  seed: z.number().int().min(0),
});

export const voiceSearchResponse = dataOf(z.object({ seed: z.number().int(), voices: z.array(voiceItem) }));

/** A figure of GET /v3/users/me: one HeyGen left out, or sent in a shape it does not document, is null, not a failed call. */
const reportedNumber = z.number().nullable().catch(null);
const reportedText = z.string().nullable().catch(null);
const reportedSection = <T extends z.ZodRawShape>(shape: T) => z.object(shape).nullable().catch(null);
const creditPool = reportedSection({ remaining: reportedNumber, resets_at: reportedText });

/** GET /v3/users/me (UserMeGet): exactly one of wallet / subscription / usage_based, by billing_type. */
export const userMeResponse = z.object({
  data: z.object({
    billing_type: z.enum(["wallet", "subscription", "usage_based"]).nullable().catch(null),
    /** currency: "usd", or "credits" for Enterprise wallets. */
    wallet: reportedSection({ remaining_balance: reportedNumber, currency: reportedText }),
    subscription: reportedSection({
      plan: reportedText,
      credits: reportedSection({ premium_credits: creditPool, add_on_credits: creditPool }),
    }),
    usage_based: reportedSection({
      remaining_credits: reportedNumber,
      spending_cap_usd: reportedNumber,
      spending_current_usd: reportedNumber,
    }),
  }),
});

/** GET /v3/webhooks/events items: what HeyGen delivered (or tried to). */
export const webhookEventItem = z.object({
  event_id: nonBlank,
  event_type: z.string(),
  event_data: z.record(z.string(), z.unknown()),
  created_at: z.string(),
});

/** POST /v3/webhooks/endpoints and GET /v3/webhooks/endpoints items. */
export const webhookEndpoint = z.object({
  endpoint_id: nonBlank,
  url: z.string(),
  status: z.string(),
  events: z.array(z.string()).nullish(),
  secret: nullableString,
});

export const rotatedSecretResponse = dataOf(z.object({ endpoint_id: nonBlank, secret: nonBlank }));
