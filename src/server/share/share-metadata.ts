import "server-only";
import type { Metadata } from "next";
import type { Video } from "@/generated/prisma/client";
import { formatDuration } from "@/lib/format";
import { toPublicVideo } from "@/lib/video";
import { frameSize } from "@/lib/video-format";
import type { ViewerLanguage } from "@/lib/translations";
import { languageOfParam, languageParam, ogLocale } from "@/lib/viewer-languages";
import { isListed } from "@/lib/visibility";
import { embedSize } from "./embed-size";
import { feedAlternate, shareLinks, SITE_NAME } from "./share-links";
import { absoluteMediaUrl, storedMediaOf, storedMediaUrls } from "@/server/media/served-media";

/**
 * The watch page's metadata: what a pasted link previews as. A finished video gets Open Graph video tags, a
 * Twitter player card (the embed page) and the oEmbed link; every URL is absolute, from `origin`. The thumbnail
 * and the player are the app's own stable URLs. og:video is an MP4 (what those tags name): ours once the copy is
 * stored (content-addressed, so a link shared today still previews next month, og:image likewise), until then
 * HeyGen's presigned one, fresh for an hour at least when the page is read.
 */
export function shareMetadata(
  row: Video | null,
  origin: string,
  languages: ViewerLanguage[] = [],
  lang?: string | string[],
): Metadata {
  if (!row) return { title: "Video not found" };
  const video = toPublicVideo(row, { admin: false }, storedMediaUrls(row));
  const links = shareLinks(origin, video.id);
  const versions = languageVersions(links.watch, languages, lang);
  const oEmbed: Record<string, string> =
    video.status === "COMPLETED" && video.videoUrl ? { "application/json+oembed": links.oEmbed } : {};
  const alternates: Metadata["alternates"] = {
    canonical: versions.canonical,
    types: { ...oEmbed, ...feedAlternate(origin) },
    languages: versions.hreflang,
  };
  const title = video.title;
  const description = describeVideo(video);
  const basics: Metadata = {
    metadataBase: new URL(origin),
    title,
    description,
    alternates,
    // Only a public, published video is for search engines: unlisted ones are for those given the link, and what
    // viewers may not see yet (an admin's preview) is no one's to index.
    ...(isListed(row) ? {} : { robots: { index: false } }),
  };
  if (video.status !== "COMPLETED" || !video.videoUrl) return basics;

  const frame = frameSize(video.aspectRatio, video.resolution);
  const player = embedSize(video.aspectRatio);
  const stored = storedMediaOf(row) !== null;
  const thumbnailUrl = stored && video.thumbnailUrl ? absoluteMediaUrl(video.thumbnailUrl, origin) : links.thumbnail;
  const image = video.thumbnailUrl ? [{ url: thumbnailUrl, ...frame, alt: title }] : undefined;
  const videoUrl = absoluteMediaUrl(video.videoUrl, origin);
  return {
    ...basics,
    openGraph: {
      type: "video.other",
      alternateLocale: versions.ogLocales,
      url: links.watch,
      siteName: SITE_NAME,
      title,
      description,
      images: image,
      videos: [{ url: videoUrl, secureUrl: https(videoUrl), type: "video/mp4", ...frame }],
    },
    twitter: {
      card: "player",
      title,
      description,
      images: image,
      players: [{ playerUrl: links.embed, streamUrl: videoUrl, ...player }],
    },
  };
}

/**
 * The page's translations (issue 19) for search engines and previews: an hreflang link per translation with a tag, at
 * `?lang=<tag>` (and the original's, at `?lang=original`, once HeyGen has said what it speaks), and x-default at the plain URL (which follows the reader's Accept-Language); og:locale:alternate per
 * translation. A page opened with `?lang=` naming a translation is canonical at that URL, so each language version is
 * its own; og:video and og:title stay the source's (oEmbed is the source's too).
 */
function languageVersions(watch: string, languages: ViewerLanguage[], lang: string | string[] | undefined) {
  const [original, ...translations] = languages;
  // The original has a tag once HeyGen has said what it speaks: its version is `?lang=original`.
  const tagged = languages.filter((language) => language.tag !== null);
  const taggedTranslations = translations.filter((language) => language.tag !== null);
  const named = typeof lang === "string" && original ? languageOfParam(languages, lang) : undefined;
  const at = (language: ViewerLanguage) =>
    `${watch}?lang=${encodeURIComponent(languageParam(language, original!.videoId))}`;
  return {
    canonical: named && named !== original ? at(named) : watch,
    hreflang:
      taggedTranslations.length > 0
        ? { ...Object.fromEntries(tagged.map((language) => [language.tag!, at(language)])), "x-default": watch }
        : undefined,
    ogLocales:
      taggedTranslations.length > 0 ? taggedTranslations.map((language) => ogLocale(language.tag!)) : undefined,
  };
}

/** A video's description for other sites (meta tags, sitemaps, feeds): its own, else its length and the site's name. */
export function describeVideo(video: { description: string | null; duration: number | null }): string {
  if (video.description) return video.description;
  return video.duration === null
    ? `An AI avatar video on ${SITE_NAME}.`
    : `A ${formatDuration(video.duration)} AI avatar video on ${SITE_NAME}.`;
}

/** og:video:secure_url names the HTTPS address; HeyGen's are, as is APP_URL in production; the offline fake's are not. */
const https = (url: string) => (url.startsWith("https:") ? url : undefined);
