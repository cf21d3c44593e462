import "server-only";
import type { Video } from "@/generated/prisma/client";
import { toPublicVideo, type MediaUrls, type PublicVideo } from "@/lib/video";
import type { CreateVideoInput } from "@/lib/video-input";
import { db, isForeignKeyViolation, isUniqueViolation } from "@/server/db";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { heygenAppError } from "@/server/heygen-app-error";
import { heygen } from "@/server/heygen-client";
import { classifyHeygenFailure, type HeygenFailure } from "@/server/heygen/failures";
import { logger } from "@/server/logger";
import { heygenApiKey, heygenNotConfigured } from "@/server/settings/credentials";
import { schedulePublish } from "./scheduled-publish";
import { applyStatusChange } from "./transition";

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
 * A create's answer, as POST /api/videos sends it. A lost answer reads `unconfirmed` whatever happened meanwhile: a
 * create that hung until the timeout may find the video already confirmed by HeyGen's webhook, and it must read as a
 * gateway's 502 or an unreadable 200 does, since the admin learns the same thing from each (issue 16, bug 7). `media`:
 * storedMediaUrls(video) (a repeated key may find the first video finished, even stored).
 */
export function createAnswer({ video, outcome }: CreateVideoResult, media: MediaUrls): PublicVideo {
  const answer = toPublicVideo(video, { admin: true }, media);
  return outcome === "unconfirmed" ? { ...answer, unconfirmed: true } : answer;
}

/**
 * Records the video first (PENDING, its id doubling as HeyGen's callback_id and Idempotency-Key), then asks
 * HeyGen to render it, once. HeyGen's own refusal made nothing: the row is deleted and the refusal answered, so no
 * viewer ever meets a video that was never sent. Any other failure leaves it PENDING and unconfirmed, never resent:
 * HeyGen may be rendering (and billing) it, and its webhook, matched by callback_id, still completes it.
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
  const recorded = await record(input, idempotencyKey, regeneratedFromId);
  if (recorded.repeat) return { video: recorded.video, outcome: "repeat" };
  await schedulePublish(recorded.video.id, recorded.video.publishAt);
  const sent = await sendToHeygen(recorded.video, input);
  if (sent.kind === "refused") throw await refusal(recorded.video, sent.failure);
  return { video: sent.video, outcome: sent.kind };
}

/** How often an Idempotency-Key's insert is tried again after finding its first attempt refused meanwhile. */
const RECORD_ATTEMPTS = 3;

/**
 * The new PENDING row, or the first video of an Idempotency-Key seen before. The key's unique index decides between
 * concurrent repeats: only the first insert calls HeyGen. A first attempt HeyGen refused left no row (it made
 * nothing, so nothing can be paid twice): the key is free again and this request is a new attempt.
 */
async function record(
  input: CreateVideoInput,
  idempotencyKey: string | null,
  regeneratedFromId: string | null,
): Promise<{ video: Video; repeat: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const data = { ...input, status: "PENDING" as const, idempotencyKey, regeneratedFromId };
      return { video: await db.video.create({ data }), repeat: false };
    } catch (error) {
      // The foreign key decides whether the presenter exists (even one deleted a moment ago): nothing was made.
      if (input.presenterId && isForeignKeyViolation(error)) throw unknownPresenter();
      if (!idempotencyKey || !isUniqueViolation(error) || attempt >= RECORD_ATTEMPTS) throw error;
      const first = await db.video.findUnique({ where: { idempotencyKey } });
      if (first) return { video: first, repeat: true };
    }
  }
}

const unknownPresenter = () =>
  new AppError("invalid_input", "presenterId is not a presenter of this app: pick another one, or none.", {
    field: "presenterId",
  });

export type SendOutcome =
  | { kind: "created" | "unconfirmed"; video: Video }
  /** HeyGen's own refusal: nothing was made, and the video is left as it was (PENDING) for the caller to decide. */
  | { kind: "refused"; failure: HeygenFailure };

/**
 * Asks HeyGen, once, to render a recorded PENDING video (its id is the callback_id). A lost answer leaves it PENDING
 * and unconfirmed, never resent: HeyGen may be rendering (and billing) it, and its webhook still completes it.
 * `retry: false`: a 429 comes straight back, even with a short Retry-After (the batch queue holds every worker for
 * it); by default the client waits a short one out and asks again (it made nothing: the retry makes one job).
 */
export async function sendToHeygen(
  video: Video,
  input: CreateVideoInput,
  { retry = true }: { retry?: boolean } = {},
): Promise<SendOutcome> {
  let heygenVideoId: string;
  try {
    ({ videoId: heygenVideoId } = await heygen.createVideo(
      { ...input, callbackId: video.id, callbackUrl: callbackUrl() },
      { retry },
    ));
  } catch (error) {
    const failure = classifyHeygenFailure(error);
    if (!failure) throw error;
    if (failure.definite) return { kind: "refused", failure };
    return { kind: "unconfirmed", video: await markUnconfirmed(video, failure.message, failure.kind) };
  }
  const { video: updated } = await applyStatusChange(video.id, { status: "PROCESSING", heygenVideoId });
  return { kind: "created", video: updated ?? video };
}

/** Where HeyGen posts this job's result (unsigned: the app treats it as a hint). Read at run time. */
export function callbackUrl(): string | undefined {
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

/** HeyGen's request fields, as the API's input names them (a nested one, "engine.type", takes its parent's). */
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

/** HeyGen's refusal of a create, as the API answers it (and as a batch item records it). */
export function createRefusal(failure: HeygenFailure): AppError {
  return heygenAppError(failure, { action: "generate the video", fields: FIELD_OF_PARAM });
}

/**
 * HeyGen made nothing: the attempt leaves no video (not in the gallery, the lists, the counts, nor at /videos/{id}),
 * and the refusal is answered. The request's log line keeps HeyGen's words and this video id for the admin.
 */
async function refusal(video: Video, failure: HeygenFailure): Promise<AppError> {
  const refused = createRefusal(failure);
  // Only a row HeyGen never accepted: a webhook cannot have finished it, since HeyGen never had the job.
  await db.video.deleteMany({ where: { id: video.id, status: "PENDING", heygenVideoId: null } });
  return new AppError(refused.code, refused.message, {
    ...refused.details,
    log: { ...refused.details.log, videoId: video.id, deleted: "refused before HeyGen made anything" },
  });
}
