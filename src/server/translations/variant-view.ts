import "server-only";
import type { Video } from "@/generated/prisma/client";
import { languageTag } from "@/lib/languages";
import { translationOptions, type TranslationVariant } from "@/lib/translations";

/** A variant row as the API shows it to admins. */
export function toTranslationVariant(video: Video): TranslationVariant {
  const { mode, captions } = translationOptions.parse(video.options ?? {});
  const language = video.language ?? "";
  return {
    id: video.id,
    language,
    tag: languageTag(language),
    status: video.status,
    mode,
    captions,
    error: video.error,
    duration: video.duration,
    createdAt: video.createdAt.toISOString(),
    completedAt: video.completedAt?.toISOString() ?? null,
  };
}
