import { rssFeed } from "@/server/feeds/rss";
import { publicVideoCacheControl } from "@/server/http/public-cache";
import { publicOrigin } from "@/server/http/public-origin";
import { route } from "@/server/http/route";

// Built per request: its URLs name APP_URL as configured at run time, and what it lists is read at each request.
export const dynamic = "force-dynamic";

// GET /feed.xml — RSS 2.0 of the newest listed videos, each MP4 as an enclosure. Public, cached briefly.
export const GET = route({}, async () => {
  const body = await rssFeed(publicOrigin());
  return new Response(body, {
    headers: { "content-type": "application/rss+xml; charset=utf-8", "cache-control": publicVideoCacheControl() },
  });
});
