import "server-only";
import type { Video } from "@/generated/prisma/client";
import { translationOptions, type TranslationOptions } from "@/lib/translations";
import { db as defaultDb, type Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { heygen } from "@/server/heygen-client";
import { classifyHeygenFailure } from "@/server/heygen/failures";
import { callbackUrl, markUnconfirmed, type SendOutcome } from "@/server/videos/create-video";
import { applyStatusChange } from "@/server/videos/transition";
import { sourceUrlFor } from "./source-url";

/** "<sourceId>:<language>": unique while the variant is live (released when it fails: a retry makes a new one). */
export const variantKeyOf = (sourceId: string, language: string) => `${sourceId}:${language}`;

/**
 * Records a PENDING variant of a COMPLETED source video in `language` (HeyGen's name), with `variantKey`
 * "<sourceId>:<language>" (INSERT … ON CONFLICT ("variantKey") DO NOTHING, so a transaction survives the clash): null
 * when that language is already live (on its way or made). Copies the source's look, format, presenter, script and
 * visibility (visibility, publishAt, publishedAt: a variant is seen exactly when its source is, docs/decisions.md);
 * `options` holds the TranslationOptions. The source must be a completed video that is not itself a variant (409).
 */
export async function insertVariant(
  source: Pick<Video, "id">,
  language: string,
  options: TranslationOptions,
  tx: Db = defaultDb,
): Promise<Video | null> {
  const row = await tx.video.findUnique({ where: { id: source.id } });
  if (!row) throw new AppError("not_found", "No video with this id.");
  if (row.sourceVideoId) {
    throw new AppError("conflict", "This video is a translation: translate the video it was made from instead.");
  }
  if (row.status !== "COMPLETED") {
    throw new AppError("conflict", "This video is not finished yet: translate it once it is ready.");
  }
  const [variant] = await tx.video.createManyAndReturn({
    data: [
      {
        title: `${row.title} (${language})`,
        description: row.description,
        script: row.script,
        avatarId: row.avatarId,
        aspectRatio: row.aspectRatio,
        resolution: row.resolution,
        presenterId: row.presenterId,
        options: translationOptions.parse(options),
        status: "PENDING",
        visibility: row.visibility,
        publishAt: row.publishAt,
        publishedAt: row.publishedAt,
        sourceVideoId: row.id,
        language,
        variantKey: variantKeyOf(row.id, language),
      },
    ],
    skipDuplicates: true,
  });
  return variant ?? null;
}

/**
 * Asks HeyGen, once, to translate a recorded PENDING variant (POST /v3/video-translations with its id as
 * callback_id and Idempotency-Key, one language per request), as sendToHeygen does for a video: created → PROCESSING
 * with HeyGen's translation id in heygenVideoId; a lost answer → unconfirmed, never resent; HeyGen's refusal (or no
 * URL of the source HeyGen could fetch) → `refused` with the failure, the row left PENDING for the caller to decide.
 * `retry: false`: a 429 comes straight back (the batch queue holds every worker for it).
 */
export async function sendTranslation(variant: Video, options: { retry?: boolean } = {}): Promise<SendOutcome> {
  const source = variant.sourceVideoId && (await defaultDb.video.findUnique({ where: { id: variant.sourceVideoId } }));
  if (!source || !variant.language) throw new Error(`sendTranslation: ${variant.id} is not a variant of a video`);
  const videoUrl = await sourceUrlFor(source);
  if (!videoUrl) return { kind: "refused", failure: NO_SOURCE_URL };
  const { mode, captions } = translationOptions.parse(variant.options ?? {});
  let translationId: string | undefined;
  try {
    ({
      translationIds: [translationId],
    } = await heygen.createTranslation(
      {
        videoUrl,
        outputLanguages: [variant.language],
        mode,
        title: variant.title,
        callbackId: variant.id,
        callbackUrl: callbackUrl(),
        enableCaption: captions,
      },
      { retry: options.retry ?? true },
    ));
  } catch (error) {
    const failure = classifyHeygenFailure(error);
    if (!failure) throw error;
    if (failure.definite) return { kind: "refused", failure };
    return { kind: "unconfirmed", video: await markUnconfirmed(variant, failure.message, failure.kind) };
  }
  const { video: updated } = await applyStatusChange(variant.id, {
    status: "PROCESSING",
    heygenVideoId: translationId!,
  });
  return { kind: "created", video: updated ?? variant };
}

/** Nothing was sent: HeyGen could not be asked for a fresh URL of the source (or no longer has its file). */
const NO_SOURCE_URL = {
  kind: "unavailable",
  definite: true,
  message: "no URL of the source video HeyGen could fetch (its own expired and could not be renewed)",
  status: null,
  code: null,
  param: null,
  retryAfterSeconds: null,
} as const;
