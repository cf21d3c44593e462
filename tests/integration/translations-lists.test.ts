import { describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/videos/route";
import { GET as feedRoute } from "@/app/feed.xml/route";
import sitemap from "@/app/sitemap";
import { galleryPage } from "@/server/video-lists/gallery";
import { moreVideos } from "@/server/video-lists/more-videos";
import { completedVideo } from "../support/completed-video";
import { getRequest } from "../support/requests";
import { completedVariant } from "../support/variants";

const ids = (videos: Array<{ id: string }>) => videos.map((video) => video.id).sort();

/** A listed source (public, published) and its finished Spanish translation, which carries the same visibility. */
async function listedSourceWithVariant() {
  const source = await completedVideo({ title: "Weekly news", visibility: "PUBLIC", publishedAt: new Date() });
  const variant = await completedVariant(source, "Spanish (Spain)");
  return { source, variant };
}

describe("viewer lists never list a translation on its own (its source's page offers it)", () => {
  it("the gallery, More videos and GET /api/videos list the source only", async () => {
    const { source, variant } = await listedSourceWithVariant();
    expect(ids((await galleryPage()).videos)).toEqual([source.id]);
    expect(ids(await moreVideos("00000000-0000-4000-8000-000000000000"))).toEqual([source.id]);
    const response = await listRoute(getRequest("/api/videos"));
    expect(ids(((await response.json()) as { videos: Array<{ id: string }> }).videos)).toEqual([source.id]);
    expect(variant.visibility).toBe("PUBLIC");
  });

  it("the sitemap and the RSS feed name the source's watch page only", async () => {
    const { source, variant } = await listedSourceWithVariant();
    const urls = (await sitemap()).map((entry) => entry.url);
    expect(urls.filter((url) => url.includes(source.id))).toHaveLength(1);
    expect(urls.filter((url) => url.includes(variant.id))).toEqual([]);
    const feed = await (await feedRoute(getRequest("/feed.xml"))).text();
    expect(feed).toContain(`/videos/${source.id}`);
    expect(feed).not.toContain(variant.id);
  });
});
