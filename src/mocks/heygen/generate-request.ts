import { z } from "zod";
import { isKnownAvatar, isKnownTalkingPhoto, isKnownVoice } from "./catalogue";

const evenSide = z
  .number()
  .int()
  .min(128)
  .max(4096)
  .refine((n) => n % 2 === 0, "must be even");

const nonBlank = z.string().refine((s) => s.trim().length > 0, "must not be empty");

const oneOf = (keys: string[]) => (value: Record<string, unknown>) =>
  keys.filter((key) => value[key] !== undefined).length === 1;

const character = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("avatar"),
    avatar_id: nonBlank,
    avatar_style: z.enum(["normal", "circle", "closeUp"]).optional(),
    scale: z.number().positive().optional(),
    offset: z.object({ x: z.number(), y: z.number() }).partial().optional(),
  }),
  z.object({
    type: z.literal("talking_photo"),
    talking_photo_id: nonBlank,
    talking_photo_style: z.enum(["square", "circle"]).optional(),
  }),
]);

const voice = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("text"),
    voice_id: nonBlank,
    input_text: nonBlank.refine((s) => s.length < 5000, "must be under 5000 characters"),
    speed: z.number().min(0.5).max(2).optional(),
    pitch: z.number().min(-50).max(50).optional(),
    emotion: z.enum(["Excited", "Friendly", "Serious", "Soothing", "Broadcaster"]).optional(),
  }),
  z
    .object({ type: z.literal("audio"), audio_url: z.url().optional(), audio_asset_id: nonBlank.optional() })
    .refine(oneOf(["audio_url", "audio_asset_id"]), "exactly one of audio_url and audio_asset_id is required"),
  z.object({ type: z.literal("silence"), duration: z.number().min(1).max(100).optional() }),
]);

const background = z.discriminatedUnion("type", [
  z.object({ type: z.literal("color"), value: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a hex colour like #FAFAFA") }),
  z
    .object({ type: z.literal("image"), url: z.url().optional(), image_asset_id: nonBlank.optional() })
    .refine(oneOf(["url", "image_asset_id"]), "exactly one of url and image_asset_id is required"),
  z
    .object({
      type: z.literal("video"),
      url: z.url().optional(),
      video_asset_id: nonBlank.optional(),
      play_style: z.enum(["fit_to_scene", "freeze", "loop", "once"]).optional(),
    })
    .refine(oneOf(["url", "video_asset_id"]), "exactly one of url and video_asset_id is required"),
]);

export const generateRequestSchema = z.object({
  title: z.string().optional(),
  callback_id: z.string().nullish(),
  callback_url: z.url({ protocol: /^https?$/ }).nullish(),
  video_inputs: z.array(z.object({ character, voice, background: background.optional() })).min(1).max(50),
  dimension: z.object({ width: evenSide, height: evenSide }).default({ width: 1920, height: 1080 }),
  caption: z.boolean().optional(),
  test: z.boolean().optional(),
  folder_id: z.string().optional(),
});

export type GenerateRequest = z.infer<typeof generateRequestSchema>;

export type GenerateRequestError = { code: string; message: string };

const formatPath = (path: PropertyKey[]) =>
  path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");

/** Validates like HeyGen: schema first (`invalid_parameter`), then avatar/voice ids against the catalogue. */
export function parseGenerateRequest(
  body: unknown,
): { ok: true; request: GenerateRequest } | { ok: false; error: GenerateRequestError } {
  const parsed = generateRequestSchema.safeParse(body, {
    error: (issue) => (issue.input === undefined ? "field required" : undefined),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: { code: "invalid_parameter", message: `${formatPath(issue.path)} is invalid: ${issue.message}` } };
  }
  for (const { character, voice } of parsed.data.video_inputs) {
    if (character.type === "avatar" && !isKnownAvatar(character.avatar_id)) {
      return { ok: false, error: { code: "avatar_not_found", message: `Avatar ${character.avatar_id} not found` } };
    }
    if (character.type === "talking_photo" && !isKnownTalkingPhoto(character.talking_photo_id)) {
      const message = `Talking photo ${character.talking_photo_id} not found`;
      return { ok: false, error: { code: "talking_photo_not_found", message } };
    }
    if (voice.type === "text" && !isKnownVoice(voice.voice_id)) {
      return { ok: false, error: { code: "voice_not_found", message: `Voice ${voice.voice_id} not found` } };
    }
  }
  return { ok: true, request: parsed.data };
}
