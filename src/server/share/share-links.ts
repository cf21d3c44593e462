import "server-only";

/** How the site names itself to other sites (oEmbed's provider_name, og:site_name). */
export const SITE_NAME = "Avatar Studio";

/** The site's RSS feed of listed videos (src/app/feed.xml), linked from every page's head. */
export const FEED_PATH = "/feed.xml";

/** A page's `alternates.types` entry naming the feed, for readers that find feeds from a page. */
export const feedAlternate = (origin: string) => ({
  "application/rss+xml": [{ url: `${origin}${FEED_PATH}`, title: SITE_NAME }],
});

/** Absolute URLs other sites keep for a video: none of them expires, unlike HeyGen's presigned media URLs. */
export const shareLinks = (origin: string, videoId: string) => {
  const watch = `${origin}/videos/${videoId}`;
  return {
    watch,
    embed: `${origin}/embed/${videoId}`,
    thumbnail: `${origin}/api/videos/${videoId}/thumbnail`,
    oEmbed: `${origin}/api/oembed?${new URLSearchParams({ url: watch })}`,
  };
};
