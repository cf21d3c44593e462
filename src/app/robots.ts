import type { MetadataRoute } from "next";
import { robotsRules } from "@/server/feeds/robots";
import { publicOrigin } from "@/server/http/public-origin";

// Built per request: the sitemap's URL names APP_URL as configured when the app runs, not when it was built.
export const dynamic = "force-dynamic";

// GET /robots.txt — crawl the site but not the admin area, the login page or the private API; where the sitemap is.
export default function robots(): MetadataRoute.Robots {
  return robotsRules(publicOrigin());
}
