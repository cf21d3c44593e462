import "server-only";
import type { Video } from "@/generated/prisma/client";
import type { TranslationOptions } from "@/lib/translations";
import type { Db } from "@/server/db";
import type { SendOutcome } from "@/server/videos/create-video";

// CONTRACT (issue 19 foundation): the lane that builds translations replaces these bodies; the plan's bulk lane
// calls them from the batch queue exactly as submit-item.ts calls claim + sendToHeygen for a source video.

/**
 * Records a PENDING variant of a COMPLETED source video in `language` (HeyGen's name), with `variantKey`
 * "<sourceId>:<language>" (INSERT … ON CONFLICT ("variantKey") DO NOTHING): null when that language is already live
 * (on its way or made). Copies the source's look, format and presenter; `options` holds the TranslationOptions.
 * Visibility: see docs/decisions.md (issue 19): a variant is seen by viewers only through its source.
 */
export async function insertVariant(
  source: Pick<Video, "id">,
  language: string,
  options: TranslationOptions,
  tx?: Db,
): Promise<Video | null> {
  void source;
  void language;
  void options;
  void tx;
  throw new Error("insertVariant: not built yet");
}

/**
 * Asks HeyGen, once, to translate a recorded PENDING variant (POST /v3/video-translations with its id as
 * callback_id), as sendToHeygen does for a video: created → PROCESSING with HeyGen's translation id in heygenVideoId;
 * a lost answer → unconfirmed, never resent; HeyGen's refusal → `refused` with the failure, the row left PENDING for
 * the caller to decide. `retry: false`: a 429 comes straight back (the batch queue holds every worker for it).
 */
export async function sendTranslation(variant: Video, options: { retry?: boolean } = {}): Promise<SendOutcome> {
  void variant;
  void options;
  throw new Error("sendTranslation: not built yet");
}
