import { z } from "zod";
import { findLook, findVoice, type FakeLook } from "./catalogue-data";
import { invalid, parseBody, type RequestError } from "./validation";

/**
 * `POST /v3/videos` body, `type: "avatar"` (CreateVideoFromAvatar), written from HeyGen's OpenAPI schema.
 * Strict at every level: a field HeyGen does not define is a 400, so the app cannot drift into sending
 * something the real API would ignore or refuse. `.nullish()` marks the fields the spec declares nullable.
 */

/**
 * HeyGen's own limits, copied from its documentation and never imported from the app (src/lib/limits.ts): were the
 * app's limits to drift from HeyGen's, the fake would still answer as HeyGen does and the tests would say so.
 * HeyGen documents no limit on `title`, so the fake sets none.
 */
const HEYGEN = {
  // "Keep under 5,000 characters" (HeyGen's docs, the v2 limit; the v3 spec states none).
  scriptMaxLength: 4_999,
  // The v3 spec's voice_settings: speed "0.5 (half speed) to 1.5 (1.5x speed)", pitch "-50 to +50" semitones.
  speed: { min: 0.5, max: 1.5 },
  pitch: { min: -50, max: 50 },
} as const;

const nonBlank = z.string().refine((s) => s.trim().length > 0, "must not be empty");
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const httpsUrl = z.url({ protocol: /^https$/, error: "must be an https URL" });
// BCP-47 language tag: a 2-3 letter language, then subtags such as region or script ("en-US", "zh-Hans-CN").
const bcp47 = z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "must be a BCP-47 locale such as en-US");

const exactlyOne = (keys: string[]) => (value: Record<string, unknown>) =>
  keys.filter((key) => value[key] !== undefined && value[key] !== null).length === 1;

const background = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("color"),
    value: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a hex colour such as #FAFAFA"),
    url: z.null().optional(),
    asset_id: z.null().optional(),
  }),
  z
    .strictObject({
      type: z.literal("image"),
      url: httpUrl.nullish(),
      asset_id: nonBlank.nullish(),
      value: z.null().optional(),
    })
    .refine(exactlyOne(["url", "asset_id"]), "exactly one of url and asset_id is required"),
]);

const unitInterval = z.number().min(0).max(1);

const engineSettings = z.discriminatedUnion("engine_type", [
  z
    .strictObject({
      engine_type: z.literal("elevenlabs"),
      model: z.enum(["eleven_multilingual_v2", "eleven_turbo_v2_5", "eleven_flash_v2_5", "eleven_v3"]).nullish(),
      similarity_boost: unitInterval.nullish(),
      stability: unitInterval.nullish(),
      style: unitInterval.nullish(),
      use_speaker_boost: z.boolean().nullish(),
    })
    // The spec mentions "the eleven_v3 stability validator": ElevenLabs v3 takes only its three presets.
    .refine((s) => s.model !== "eleven_v3" || s.stability == null || [0, 0.5, 1].includes(s.stability), {
      message: "must be 0.0, 0.5 or 1.0 with model eleven_v3",
      path: ["stability"],
    }),
  z.strictObject({
    engine_type: z.literal("fish"),
    model: z.enum(["s1", "s2-pro"]).nullish(),
    similarity: unitInterval.nullish(),
    stability: unitInterval.nullish(),
  }),
  z.strictObject({ engine_type: z.literal("starfish") }),
]);

const voiceSettings = z.strictObject({
  speed: z.number().min(HEYGEN.speed.min).max(HEYGEN.speed.max).optional(),
  pitch: z.number().min(HEYGEN.pitch.min).max(HEYGEN.pitch.max).optional(),
  volume: unitInterval.optional(),
  locale: bcp47.nullish(),
  engine_settings: engineSettings.nullish(),
});

const engine = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("avatar_v"), reference_look_id: nonBlank.nullish() }),
  z.strictObject({ type: z.literal("avatar_iv") }),
  z.strictObject({ type: z.literal("avatar_iii") }),
]);

const asset = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("url"), url: httpsUrl }),
  z.strictObject({ type: z.literal("asset_id"), asset_id: nonBlank }),
  z.strictObject({ type: z.literal("base64"), media_type: z.enum(["image/png", "image/jpeg"]), data: z.base64() }),
]);

const watermark = z.strictObject({
  image: asset,
  opacity: unitInterval.optional(),
  placement: z
    .strictObject({
      position: z.enum(["top_left", "top_right", "bottom_left", "bottom_right"]).optional(),
      offset_x: z.number().nullish(),
      offset_y: z.number().nullish(),
    })
    .nullish(),
  scale: z.number().positive().optional(),
});

export const ASPECT_RATIOS = ["16:9", "9:16", "4:5", "5:4", "1:1", "auto"] as const;

export const avatarVideoRequestSchema = z.strictObject({
  type: z.literal("avatar"),
  avatar_id: nonBlank,
  script: nonBlank.max(HEYGEN.scriptMaxLength, `must be under ${HEYGEN.scriptMaxLength + 1} characters`).nullish(),
  voice_id: nonBlank.nullish(),
  audio_url: httpUrl.nullish(),
  audio_asset_id: nonBlank.nullish(),
  title: z.string().nullish(),
  aspect_ratio: z.enum(ASPECT_RATIOS).nullish(),
  resolution: z.enum(["4k", "1080p", "720p"]).nullish(),
  background: background.nullish(),
  voice_settings: voiceSettings.nullish(),
  caption: z
    .strictObject({ file_format: z.literal("srt").optional(), style: z.literal("default").nullish() })
    .nullish(),
  engine: engine.nullish(),
  expressiveness: z.enum(["high", "medium", "low"]).nullish(),
  motion_prompt: nonBlank.nullish(),
  remove_background: z.boolean().nullish(),
  output_format: z.enum(["mp4", "webm"]).optional(),
  fit: z.enum(["contain", "cover"]).nullish(),
  callback_id: z.string().nullish(),
  callback_url: httpUrl.nullish(),
  watermark: watermark.nullish(),
});

export type AvatarVideoRequest = z.infer<typeof avatarVideoRequestSchema>;

export type ParsedVideoRequest = {
  request: AvatarVideoRequest;
  look: FakeLook;
  /** The voice that will speak: `voice_id`, else the look's default; null for audio-driven videos. */
  voiceId: string | null;
};

const VIDEO_TYPES = ["avatar", "image", "cinematic_avatar", "studio"];

/** Cross-field rules the spec states in prose, checked once the shape is right and the look is known. */
function crossFieldError(request: AvatarVideoRequest, look: FakeLook, voiceId: string | null): RequestError | null {
  const sources = (["script", "audio_url", "audio_asset_id"] as const).filter((key) => request[key] != null);
  if (sources.length === 0) return invalid("script", "one of script, audio_url or audio_asset_id is required");
  if (sources.length > 1) return invalid(sources[1]!, `mutually exclusive with ${sources[0]}`);
  if (request.script != null && !voiceId) {
    return invalid("voice_id", `required: avatar ${look.id} has no default voice`);
  }
  const engineType = request.engine?.type ?? "avatar_iv";
  if (!look.supported_api_engines.includes(engineType)) {
    return invalid("engine.type", `avatar ${look.id} supports only ${look.supported_api_engines.join(", ")}`);
  }
  if (request.engine?.type === "avatar_v" && request.engine.reference_look_id != null) {
    const reference = findLook(request.engine.reference_look_id);
    if (!reference || reference.group_id !== look.group_id) {
      return invalid("engine.reference_look_id", "must be a look of the same avatar group as avatar_id");
    }
  }
  const photo = look.avatar_type === "photo_avatar";
  if (request.expressiveness != null && (!photo || engineType !== "avatar_iv")) {
    return invalid("expressiveness", "supported only for photo avatars on the avatar_iv engine");
  }
  if (request.motion_prompt != null && (engineType === "avatar_iii" || (!photo && engineType !== "avatar_v"))) {
    return invalid(
      "motion_prompt",
      "supported for photo avatars (avatar_iv, avatar_v) and video avatars on avatar_v only",
    );
  }
  if (photo && engineType === "avatar_iii" && request.resolution === "4k") {
    return invalid("resolution", "photo avatars on avatar_iii cannot render 4k");
  }
  if (request.output_format === "webm" && request.background != null) {
    return invalid("background", "not allowed with output_format webm (the background is removed)");
  }
  const engineSettings = request.voice_settings?.engine_settings;
  if (engineSettings && voiceId && !findVoice(voiceId)!.engines.includes(engineSettings.engine_type)) {
    return invalid(
      "voice_settings.engine_settings.engine_type",
      `voice ${voiceId} does not use ${engineSettings.engine_type}`,
    );
  }
  return null;
}

/** Validates like HeyGen: type, then the schema (`invalid_parameter`), then ids against the catalogue, then prose rules. */
export function parseVideoRequest(
  body: Record<string, unknown>,
): { ok: true; value: ParsedVideoRequest } | { ok: false; error: RequestError } {
  if (body.type === undefined) return { ok: false, error: invalid("type", "field required") };
  if (body.type !== "avatar") {
    const reason = VIDEO_TYPES.includes(body.type as string)
      ? `the offline fake HeyGen supports only type "avatar" (HeyGen also has ${VIDEO_TYPES.slice(1).join(", ")})`
      : `must be one of ${VIDEO_TYPES.join(", ")}`;
    return { ok: false, error: invalid("type", reason) };
  }
  const parsed = parseBody(avatarVideoRequestSchema, body);
  if (!parsed.ok) return parsed;
  const request = parsed.value;

  const look = findLook(request.avatar_id);
  if (!look) {
    return {
      ok: false,
      error: { code: "avatar_not_found", message: `Avatar ${request.avatar_id} not found`, param: "avatar_id" },
    };
  }
  if (request.voice_id != null && !findVoice(request.voice_id)) {
    return {
      ok: false,
      error: { code: "voice_not_found", message: `Voice ${request.voice_id} not found`, param: "voice_id" },
    };
  }
  const speaks = request.script != null;
  const voiceId = speaks ? (request.voice_id ?? look.default_voice_id) : (request.voice_id ?? null);
  const error = crossFieldError(request, look, voiceId);
  return error ? { ok: false, error } : { ok: true, value: { request, look, voiceId } };
}
