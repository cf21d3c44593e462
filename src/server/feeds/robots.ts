import "server-only";
import type { MetadataRoute } from "next";

/**
 * /robots.txt: crawl the site, not the admin area, the login page or the API, except the public reads that listed
 * videos' pages and sitemap entries name: a video's thumbnail and captions (/api/videos/…) and its oEmbed answer.
 * The most specific rule wins, so those Allow lines override `Disallow: /api/`. Stored media (/media/…) and the embed
 * player are allowed with the site. Hidden videos need no rule: they are 404 to crawlers like to every viewer.
 */
export function robotsRules(origin: string): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: ["/", "/api/videos/", "/api/oembed"],
      disallow: ["/admin", "/api/", "/login"],
    },
    sitemap: `${origin}/sitemap.xml`,
  };
}
