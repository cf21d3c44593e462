import { z } from "./zod";
import { MOTION_PROMPT_MAX_LENGTH, VOICE_PITCH_MAX, VOICE_PITCH_MIN, VOICE_SPEED_MAX, VOICE_SPEED_MIN } from "./limits";

/**
 * Every generation option beyond look, voice and format, as the API takes them, the database stores them
 * (Video.options) and a regenerate sends them again. Each maps to one field of HeyGen's POST /v3/videos.
 */

/** HeyGen's rendering engines (`engine.type`); a look lists the ones it supports in `supported_api_engines`. */
export const ENGINES = ["avatar_iii", "avatar_iv", "avatar_v"] as const;
export type Engine = (typeof ENGINES)[number];
export const ENGINE_LABELS: Record<Engine, string> = {
  avatar_iii: "Avatar III",
  avatar_iv: "Avatar IV",
  avatar_v: "Avatar V",
};

/** `sidecar`: an SRT file only (HeyGen always makes one). `burned`: also drawn into the picture. */
export const CAPTION_MODES = ["sidecar", "burned"] as const;
export type CaptionMode = (typeof CAPTION_MODES)[number];

/** Photo looks only: how much the face moves. */
export const EXPRESSIVENESS_LEVELS = ["low", "medium", "high"] as const;
export type Expressiveness = (typeof EXPRESSIVENESS_LEVELS)[number];

/** `webm` keeps an alpha channel (the background removed). */
export const OUTPUT_FORMATS = ["mp4", "webm"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(", ")}` });

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
/** BCP-47 language tag: a 2-3 letter language, then subtags such as region or script ("en-US", "zh-Hans-CN"). */
export const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

export const background = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("color"),
      value: z.string().regex(HEX_COLOUR, "must be a hex colour such as #FAFAFA"),
    }),
    z.strictObject({
      type: z.literal("image"),
      url: z.url({ protocol: /^https$/, error: "must be an https URL" }).max(2048, "is too long"),
    }),
  ],
  { error: "must be a colour or an image" },
);

export const generationOptions = z.strictObject({
  engine: oneOf(ENGINES).optional(),
  voiceSpeed: z
    .number({ error: "must be a number" })
    .min(VOICE_SPEED_MIN, `must be at least ${VOICE_SPEED_MIN}`)
    .max(VOICE_SPEED_MAX, `must be at most ${VOICE_SPEED_MAX}`)
    .optional(),
  voicePitch: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(VOICE_PITCH_MIN, `must be at least ${VOICE_PITCH_MIN}`)
    .max(VOICE_PITCH_MAX, `must be at most ${VOICE_PITCH_MAX}`)
    .optional(),
  voiceLocale: z.string().max(35, "is too long").regex(BCP47, "must be a locale such as en-US").optional(),
  background: background.optional(),
  captions: oneOf(CAPTION_MODES).default("sidecar"),
  /** Photo looks only. */
  expressiveness: oneOf(EXPRESSIVENESS_LEVELS).optional(),
  /** Photo looks (and video looks on avatar_v). */
  motionPrompt: z
    .string({ error: "must be a string" })
    .trim()
    .min(1, "must not be empty")
    .max(MOTION_PROMPT_MAX_LENGTH, `must be at most ${MOTION_PROMPT_MAX_LENGTH} characters`)
    .optional(),
  removeBackground: z.boolean({ error: "must be true or false" }).optional(),
  outputFormat: oneOf(OUTPUT_FORMATS).default("mp4"),
});

export type GenerationOptions = z.output<typeof generationOptions>;

/** Options of a stored row (Video.options): rows from before options existed hold `{}`. */
export function storedOptions(json: unknown): GenerationOptions {
  const parsed = generationOptions.safeParse(json ?? {});
  return parsed.success ? parsed.data : generationOptions.parse({});
}
