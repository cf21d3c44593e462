import type { Prisma, Video } from "@/generated/prisma/client";
import { completedVideo } from "./completed-video";

/**
 * A finished translation of `source` into `language` (issue 19), as the translation lane leaves it once HeyGen made it:
 * a Video row with sourceVideoId, language and its live variantKey, the source's visibility, publishAt and publishedAt
 * (insertVariant copies them), and media at the fake HeyGen. `fields` override any of it (a status, stored media…).
 */
export function completedVariant(
  source: Pick<Video, "id" | "title" | "visibility" | "publishAt" | "publishedAt">,
  language: string,
  fields: Partial<Prisma.VideoCreateInput> = {},
) {
  return completedVideo({
    title: `${source.title} (${language})`,
    sourceVideo: { connect: { id: source.id } },
    language,
    variantKey: `${source.id}:${language}`,
    visibility: source.visibility,
    publishAt: source.publishAt,
    publishedAt: source.publishedAt,
    ...fields,
  });
}
