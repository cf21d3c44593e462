import type { GenerationOptions } from "@/lib/generation-options";
import type { AspectRatio, Resolution } from "@/lib/video-format";
import { createVideoRequest, type CreateVideoRequestBody } from "./schemas";

export type CreateVideoRequest = {
  /** Our video id: sent as callback_id (echoed back in webhooks) and as the Idempotency-Key. */
  callbackId: string;
  callbackUrl?: string;
  title: string;
  script: string;
  /** A look id. */
  avatarId: string;
  /** Null: the look's own voice. */
  voiceId: string | null;
  aspectRatio: AspectRatio;
  resolution: Resolution;
  options: GenerationOptions;
};

/**
 * The body of POST /v3/videos: every option the video was asked with (Video.options), each as HeyGen names it.
 * Options that were not set are left out (JSON drops `undefined`), so HeyGen applies its own defaults; the two
 * with a default in our schema (captions, output format) are always sent, so what is stored is what was asked.
 */
export function createVideoBody(request: CreateVideoRequest): CreateVideoRequestBody {
  const { options } = request;
  return createVideoRequest.parse({
    type: "avatar",
    avatar_id: request.avatarId,
    script: request.script,
    voice_id: request.voiceId ?? undefined,
    title: request.title,
    aspect_ratio: request.aspectRatio,
    resolution: request.resolution,
    engine: options.engine && { type: options.engine },
    voice_settings: voiceSettings(options),
    background: options.background,
    caption: options.captions === "burned" ? { file_format: "srt", style: "default" } : { file_format: "srt" },
    expressiveness: options.expressiveness,
    motion_prompt: options.motionPrompt,
    remove_background: options.removeBackground,
    output_format: options.outputFormat,
    callback_id: request.callbackId,
    callback_url: request.callbackUrl,
  } satisfies CreateVideoRequestBody);
}

function voiceSettings({
  voiceSpeed,
  voicePitch,
  voiceLocale,
}: GenerationOptions): CreateVideoRequestBody["voice_settings"] {
  if (voiceSpeed === undefined && voicePitch === undefined && voiceLocale === undefined) return undefined;
  return { speed: voiceSpeed, pitch: voicePitch, locale: voiceLocale };
}
