import { describe, expect, inject, it } from "vitest";

// Issue 18: the feeds for crawlers and readers, over HTTP from the production build, named on the APP_URL the app
// was started with (one build, configured at run time), with their content types and a brief public cache.
const appUrl = inject("appUrl");

async function get(path: string) {
  const response = await fetch(`${appUrl}${path}`);
  expect(response.status).toBe(200);
  return { headers: response.headers, text: await response.text() };
}

describe("feeds from the production build", () => {
  it("/sitemap.xml, /robots.txt and /feed.xml answer with their content types, on the app's own URL", async () => {
    const sitemap = await get("/sitemap.xml");
    expect(sitemap.headers.get("content-type")).toBe("application/xml");
    expect(sitemap.text).toContain(`<loc>${appUrl}/</loc>`);

    const robots = await get("/robots.txt");
    expect(robots.headers.get("content-type")).toBe("text/plain");
    expect(robots.text).toContain(`Sitemap: ${appUrl}/sitemap.xml`);
    expect(robots.text).toContain("Disallow: /admin");

    const feed = await get("/feed.xml");
    expect(feed.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(feed.text).toContain(`<link>${appUrl}/</link>`);

    for (const { headers } of [sitemap, robots, feed]) {
      expect(headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300");
      expect(headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });

  it("the site's head names the feed", async () => {
    const home = await get("/");
    expect(home.text).toContain(
      `<link rel="alternate" type="application/rss+xml" href="${appUrl}/feed.xml" title="Avatar Studio"/>`,
    );
  });
});
