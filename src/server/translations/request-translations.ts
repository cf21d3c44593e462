import "server-only";
import type { Video } from "@/generated/prisma/client";
import type { TranslationList, TranslationRequestResult } from "@/lib/translations";
import { translationRequestInput } from "@/lib/translations";
import type { z } from "zod";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { heygenAppError } from "@/server/heygen-app-error";
import type { HeygenFailure } from "@/server/heygen/failures";
import { heygenApiKey, heygenNotConfigured } from "@/server/settings/credentials";
import { isVideoId } from "@/server/videos/video-id";
import { translationLanguageNames } from "./heygen-languages";
import { toTranslationVariant } from "./variant-view";
import { insertVariant, sendTranslation, variantKeyOf } from "./variants";

/**
 * POST /api/admin/videos/{id}/translations: each language named once. A language already live (on its way or made)
 * is skipped with the variant that has it; any other gets a new variant, sent to HeyGen at once (one request per
 * language). HeyGen's refusal leaves no variant for that language and is answered as the Studio answers a refused
 * create (402, 429 with Retry-After, 400 naming `languages`); languages made before it in the same request stay made.
 */
export async function requestTranslations(
  sourceId: string,
  input: z.output<typeof translationRequestInput>,
): Promise<TranslationRequestResult> {
  const source = await completedSource(sourceId);
  if (!(await heygenApiKey())) throw heygenNotConfigured();
  const languages = [...new Set(input.languages)];
  const offered = new Set(await translationLanguageNames());
  const unknown = languages.find((language) => !offered.has(language));
  if (unknown) {
    throw new AppError("invalid_input", `HeyGen does not translate into "${unknown}": pick a language from its list.`, {
      field: "languages",
    });
  }
  const result: TranslationRequestResult = { created: [], skipped: [] };
  for (const language of languages) {
    const options = { mode: input.mode, captions: input.captions };
    let variant = await insertVariant(source, language, options);
    let live = variant ? null : await liveVariant(source.id, language);
    // Released between the two (it failed meanwhile): the language is free again.
    if (!variant && !live) variant = await insertVariant(source, language, options);
    if (!variant) {
      live ??= await liveVariant(source.id, language);
      if (live)
        result.skipped.push({ language, reason: live.status === "COMPLETED" ? "done" : "under_way", videoId: live.id });
      continue;
    }
    const sent = await sendTranslation(variant, { retry: true });
    if (sent.kind === "refused") throw await refusal(variant, sent.failure);
    result.created.push(toTranslationVariant(sent.video));
  }
  return result;
}

/** GET /api/admin/videos/{id}/translations: every variant of a source, by language, newest first in each. */
export async function listTranslations(sourceId: string): Promise<TranslationList> {
  const source = isVideoId(sourceId) ? await db.video.findUnique({ where: { id: sourceId } }) : null;
  if (!source) throw new AppError("not_found", "No video with this id.");
  const variants = await db.video.findMany({
    where: { sourceVideoId: source.id },
    orderBy: [{ language: "asc" }, { createdAt: "desc" }],
  });
  return { variants: variants.map(toTranslationVariant) };
}

async function completedSource(id: string): Promise<Video> {
  const source = isVideoId(id) ? await db.video.findUnique({ where: { id } }) : null;
  if (!source) throw new AppError("not_found", "No video with this id.");
  if (source.sourceVideoId) {
    throw new AppError("conflict", "This video is a translation: translate the video it was made from instead.");
  }
  if (source.status !== "COMPLETED") {
    throw new AppError("conflict", "This video is not finished yet: translate it once it is ready.");
  }
  return source;
}

const liveVariant = (sourceId: string, language: string) =>
  db.video.findUnique({ where: { variantKey: variantKeyOf(sourceId, language) } });

/** HeyGen's words for a refused translation, on the admin's `languages` field when HeyGen blamed one. */
const FIELD_OF_PARAM = { output_languages: "languages", mode: "mode", enable_caption: "captions" } as const;

/** HeyGen made nothing: the variant is deleted (no trace of a translation that never was) and the refusal answered. */
async function refusal(variant: Video, failure: HeygenFailure): Promise<AppError> {
  await db.video.deleteMany({ where: { id: variant.id, status: "PENDING", heygenVideoId: null } });
  const refused = heygenAppError(failure, {
    action: `translate the video into ${variant.language}`,
    fields: FIELD_OF_PARAM,
  });
  return new AppError(refused.code, refused.message, {
    ...refused.details,
    log: { ...refused.details.log, videoId: variant.id, deleted: "refused before HeyGen made anything" },
  });
}
