import "server-only";
import type { Video } from "@/generated/prisma/client";
import { toPublicVideo } from "@/lib/video";
import type { CreateVideoInput } from "@/lib/video-input";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { AppError, type ErrorCode } from "@/server/errors";
import { heygen } from "@/server/heygen-client";
import { HeygenError } from "@/server/heygen/failures";
import { logger } from "@/server/logger";
import { heygenApiKey, heygenNotConfigured } from "@/server/settings/credentials";
import { applyStatusChange, isUniqueViolation } from "./transition";

export type CreateVideoResult = {
  video: Video;
  /**
   * `created`: HeyGen confirmed the job. `unconfirmed`: its answer was lost; the job may exist. `repeat`: this
   * Idempotency-Key was seen before: the first video, as it stands, and no HeyGen call.
   */
  outcome: "created" | "unconfirmed" | "repeat";
};

/** The HTTP status each outcome is answered with (POST /api/videos and regenerate). */
export const HTTP_STATUS_OF_OUTCOME = { created: 201, unconfirmed: 202, repeat: 200 } as const satisfies Record<
  CreateVideoResult["outcome"],
  number
>;

/**
 * Records the video first (PENDING, its id doubling as HeyGen's callback_id and Idempotency-Key), then asks
 * HeyGen to render it, once. Only HeyGen's own refusal fails the video; any other failure leaves it PENDING
 * and unconfirmed, never resent: HeyGen may be rendering (and billing) it, and its webhook, matched by
 * callback_id, still completes it.
 */
export async function createVideo(
  input: CreateVideoInput,
  {
    idempotencyKey = null,
    regeneratedFromId = null,
  }: { idempotencyKey?: string | null; regeneratedFromId?: string | null } = {},
): Promise<CreateVideoResult> {
  // Before anything is written: without a key no row is made and HeyGen is not called.
  if (!(await heygenApiKey())) throw heygenNotConfigured();
  let video: Video;
  try {
    video = await db.video.create({ data: { ...input, status: "PENDING", idempotencyKey, regeneratedFromId } });
  } catch (error) {
    // The key's unique index decides between concurrent repeats: only the first insert calls HeyGen.
    if (!idempotencyKey || !isUniqueViolation(error)) throw error;
    return { video: await db.video.findUniqueOrThrow({ where: { idempotencyKey } }), outcome: "repeat" };
  }

  const sent = await sendToHeygen(video, input);
  if (sent.kind === "refused") throw await refusal(video, sent.error);
  return { video: sent.video, outcome: sent.kind };
}

export type SendOutcome =
  | { kind: "created" | "unconfirmed"; video: Video }
  /** HeyGen's own refusal: nothing was made, and the video is left as it was (PENDING) for the caller to decide. */
  | { kind: "refused"; error: HeygenError };

/**
 * Asks HeyGen, once, to render a recorded PENDING video (its id is the callback_id). A lost answer leaves it PENDING
 * and unconfirmed, never resent: HeyGen may be rendering (and billing) it, and its webhook still completes it.
 */
export async function sendToHeygen(video: Video, input: CreateVideoInput): Promise<SendOutcome> {
  let heygenVideoId: string;
  try {
    ({ videoId: heygenVideoId } = await heygen.createVideo({
      ...input,
      callbackId: video.id,
      callbackUrl: callbackUrl(),
    }));
  } catch (error) {
    if (!(error instanceof HeygenError)) throw error;
    if (error.rejected) return { kind: "refused", error };
    return { kind: "unconfirmed", video: await markUnconfirmed(video, error.message, error.kind) };
  }
  const { video: updated } = await applyStatusChange(video.id, { status: "PROCESSING", heygenVideoId });
  return { kind: "created", video: updated ?? video };
}

/** Where HeyGen posts this job's result (unsigned: the app treats it as a hint). Read at run time. */
function callbackUrl(): string | undefined {
  return env.APP_URL ? new URL("/api/heygen/callback", env.APP_URL).href : undefined;
}

/** Records why the create is unconfirmed (the job may exist at HeyGen); reconciliation looks for it. */
export async function markUnconfirmed(video: Video, reason: string, kind?: string): Promise<Video> {
  logger.warn({ videoId: video.id, kind, err: reason }, "create unconfirmed: HeyGen may have the job");
  await db.video.updateMany({
    where: { id: video.id, status: "PENDING", heygenVideoId: null },
    data: { unconfirmedReason: reason },
  });
  return (await db.video.findUnique({ where: { id: video.id } })) ?? video;
}

/** HeyGen's request fields, as the API's input names them. */
const FIELD_OF_PARAM: Record<string, string> = {
  avatar_id: "avatarId",
  voice_id: "voiceId",
  script: "script",
  title: "title",
  aspect_ratio: "aspectRatio",
  resolution: "resolution",
  engine: "options.engine",
  "voice_settings.speed": "options.voiceSpeed",
  "voice_settings.pitch": "options.voicePitch",
  "voice_settings.locale": "options.voiceLocale",
  background: "options.background",
  caption: "options.captions",
  expressiveness: "options.expressiveness",
  motion_prompt: "options.motionPrompt",
  remove_background: "options.removeBackground",
  output_format: "options.outputFormat",
};

/** HeyGen names a nested field by its path ("engine.type", "background.url"): the nearest field we know. */
function fieldOfParam(param: string | null): string | undefined {
  if (!param) return undefined;
  return FIELD_OF_PARAM[param] ?? FIELD_OF_PARAM[param.split(".")[0]!];
}

async function refusal(video: Video, error: HeygenError): Promise<AppError> {
  const { code, message } = describeRefusal(error);
  const { video: failed } = await applyStatusChange(video.id, { status: "FAILED", error: message });
  return new AppError(code, message, {
    field: fieldOfParam(error.param),
    retryAfterSeconds: error.retryAfterSeconds,
    extra: { video: toPublicVideo(failed ?? video, { admin: true }) },
  });
}

/** An admin's words for HeyGen's refusal, and the error code the API answers with. */
export function describeRefusal(error: HeygenError): { code: ErrorCode; message: string } {
  if (error.kind === "not_configured") return { code: "heygen_not_configured", message: error.message };
  switch (error.status) {
    case 402:
      return {
        code: "heygen_no_credits",
        message: "Your HeyGen account has run out of credits: add credits in HeyGen, then generate again.",
      };
    case 429: {
      const wait = error.retryAfterSeconds
        ? ` Try again in ${Math.ceil(error.retryAfterSeconds)} s.`
        : " Try again in a minute.";
      return { code: "heygen_rate_limited", message: `HeyGen is busy and made nothing (too many requests).${wait}` };
    }
    case 401:
    case 403:
      return {
        code: "heygen_rejected",
        message: `HeyGen refused the API key (${error.message}): check it in Settings (or HEYGEN_API_KEY).`,
      };
    case 400:
    case 422:
      return { code: "heygen_invalid_input", message: `HeyGen refused the video: ${error.message}` };
    default:
      return { code: "heygen_rejected", message: `HeyGen refused the video: ${error.message}` };
  }
}
