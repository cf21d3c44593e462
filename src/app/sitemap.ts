import type { MetadataRoute } from "next";
import { sitemapEntries } from "@/server/feeds/sitemap";
import { publicOrigin } from "@/server/http/public-origin";

// Built per request, never at build time: its URLs name APP_URL as configured when it runs, and a video hidden or
// published now is gone from it or in it at the next request.
export const dynamic = "force-dynamic";

// GET /sitemap.xml — the home page and every listed video's watch page, with Google's video sitemap fields.
export default function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(publicOrigin());
}
