import "server-only";
import type { MetadataRoute } from "next";
import { SITEMAP_MAX_VIDEOS } from "@/lib/limits";
import { newestListedVideos } from "./listed-videos";

/** Google's bounds of video:duration, in whole seconds. */
const DURATION_MIN_S = 1;
const DURATION_MAX_S = 28_800;

/**
 * /sitemap.xml: the home page and the watch page of every listed video (the newest SITEMAP_MAX_VIDEOS), each with
 * Google's video sitemap fields. Next writes these values into the XML as they are, unescaped, so every text and URL
 * is escaped here: a title such as "Q&A <live>" must not break the document, nor add elements to it.
 */
export async function sitemapEntries(origin: string): Promise<MetadataRoute.Sitemap> {
  const videos = await newestListedVideos(SITEMAP_MAX_VIDEOS, origin);
  return [
    { url: xml(`${origin}/`), lastModified: videos[0]?.publishedAt, changeFrequency: "daily" },
    ...videos.map((video) => ({
      url: xml(video.watchUrl),
      lastModified: video.publishedAt,
      videos: [
        {
          title: xml(video.title),
          thumbnail_loc: xml(video.thumbnailUrl),
          description: xml(video.description),
          content_loc: xml(video.media.url),
          player_loc: xml(video.embedUrl),
          duration:
            video.duration === null
              ? undefined
              : Math.min(Math.max(Math.round(video.duration), DURATION_MIN_S), DURATION_MAX_S),
          publication_date: video.publishedAt.toISOString(),
        },
      ],
    })),
  ];
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const xml = (text: string) => text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
