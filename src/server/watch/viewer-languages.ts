import "server-only";
import type { Video } from "@/generated/prisma/client";
import { languageTag } from "@/lib/languages";
import type { ViewerLanguage } from "@/lib/translations";
import type { MediaUrls } from "@/lib/video";
import { originalName } from "@/lib/viewer-languages";
import { viewersMaySee } from "@/lib/visibility";
import { withFreshMedia } from "@/server/media/fresh-media";
import { storedMediaUrls } from "@/server/media/served-media";

export type ViewerLanguages = {
  /** Empty when there is nothing to choose; else the original first, then each finished translation. */
  languages: ViewerLanguage[];
  /** The translations offered, as served (their HeyGen URLs refreshed when they were about to expire). */
  variants: Video[];
  /** A translation's media was refreshed for this answer: it is not the cached row's. */
  refreshed: boolean;
};

const NONE: ViewerLanguages = { languages: [], variants: [], refreshed: false };

/**
 * A source video's language menu (issue 19): its finished translations that whoever asks may see (a variant carries
 * its source's visibility: src/server/videos/visibility.ts), each with the media URLs served for it (ours once
 * stored, HeyGen's fresh ones until then: served-media.ts), after the original with `media`, the source's own.
 * `translations` are the cached row's (video-cache.ts): the status JSON, the watch page and the embed all read them.
 * A translation asked for directly offers none: it is played as any video.
 */
export async function viewerLanguages(
  source: Pick<Video, "id" | "sourceVideoId" | "spokenLanguage">,
  media: MediaUrls,
  translations: Video[],
  admin: boolean,
): Promise<ViewerLanguages> {
  if (source.sourceVideoId) return NONE;
  const shown = translations.filter((variant) => variant.status === "COMPLETED" && (admin || viewersMaySee(variant)));
  const served = await Promise.all(shown.map((variant) => withFreshMedia(variant)));
  const offered = served.filter((variant) => storedMediaUrls(variant).videoUrl);
  if (offered.length === 0) return NONE;
  const original: ViewerLanguage = {
    videoId: source.id,
    name: originalName(source.spokenLanguage),
    tag: source.spokenLanguage ? languageTag(source.spokenLanguage) : null,
    videoUrl: media.videoUrl,
    subtitleUrl: media.subtitleUrl,
  };
  const languages = offered.map((variant): ViewerLanguage => {
    const name = variant.language ?? variant.title;
    const { videoUrl, subtitleUrl } = storedMediaUrls(variant);
    return { videoId: variant.id, name, tag: languageTag(name), videoUrl, subtitleUrl };
  });
  return {
    languages: [original, ...languages],
    variants: offered,
    refreshed: served.some((variant, index) => variant !== shown[index]),
  };
}
