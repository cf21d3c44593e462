import "server-only";
import { Feed } from "feed";
import { FEED_MAX_ITEMS } from "@/lib/limits";
import { FEED_PATH, SITE_NAME } from "@/server/share/share-links";
import { newestListedVideos } from "./listed-videos";

/**
 * /feed.xml, RSS 2.0: the newest listed videos (FEED_MAX_ITEMS), each with its watch page as link and guid, its
 * description, pubDate = when it was published, and the MP4 as its enclosure. An enclosure's length is the stored
 * copy's size in bytes; 0 until the copy is stored, as the RSS Advisory Board's profile says for an unknown size.
 */
export async function rssFeed(origin: string): Promise<string> {
  const videos = await newestListedVideos(FEED_MAX_ITEMS, origin);
  const feed = new Feed({
    title: SITE_NAME,
    description: `The newest AI avatar videos on ${SITE_NAME}.`,
    id: `${origin}/`,
    link: `${origin}/`,
    language: "en",
    updated: videos[0]?.publishedAt ?? new Date(0),
    generator: false,
    feedLinks: { rss: `${origin}${FEED_PATH}` },
  });
  for (const video of videos) {
    feed.addItem({
      title: video.title,
      link: video.watchUrl,
      description: video.description,
      date: video.publishedAt,
      video: { url: video.media.url, type: "video/mp4", length: video.media.bytes ?? 0 },
    });
  }
  return feed.rss2();
}
