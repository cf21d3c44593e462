import { XMLParser, XMLValidator } from "fast-xml-parser";
import { resolveRouteData } from "next/dist/build/webpack/loaders/metadata/resolve-route-data";
import { describe, expect, it } from "vitest";
import { PATCH as patchVideo } from "@/app/api/admin/videos/[id]/route";
import { GET as feedRoute } from "@/app/feed.xml/route";
import robots from "@/app/robots";
import sitemap from "@/app/sitemap";
import type { Prisma } from "@/generated/prisma/client";
import { completedVideo } from "../support/completed-video";
import { adminCookie, getRequest, jsonRequest } from "../support/requests";
import { TEST_ENV } from "../support/test-env";

const ORIGIN = TEST_ENV.APP_URL;
const HOUR = 3600_000;
const SHA = "ab12cd34".padEnd(64, "0");

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  isArray: (name, _path, _leaf, attribute) => !attribute && ["url", "item", "video:video"].includes(name),
});

/** The document parsed, after checking it is well-formed XML. */
function parseXml(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text) as Record<string, unknown>;
}

/** /sitemap.xml as Next's sitemap route writes it: the module's entries through Next's own serializer. */
async function sitemapXml() {
  const xml = resolveRouteData(await sitemap(), "sitemap");
  return (parseXml(xml).urlset as { url: SitemapUrl[] }).url;
}
type SitemapUrl = { loc: string; lastmod?: string; "video:video"?: Array<Record<string, string>> };

async function feed() {
  const response = await feedRoute(getRequest("/feed.xml"));
  expect(response.status).toBe(200);
  const channel = (parseXml(await response.text()).rss as { channel: { item?: FeedItem[] } }).channel;
  return { response, channel, items: channel.item ?? [] };
}
type FeedItem = {
  title: string;
  link: string;
  guid: { "#text": string; isPermaLink: string };
  description: string;
  pubDate: string;
  enclosure: { url: string; length: string; type: string };
};

/** One finished video of each kind viewers must not find in a list, and two listed ones. */
async function everyKind() {
  const hidden: Array<[string, Partial<Prisma.VideoCreateInput>]> = [
    ["Draft", { visibility: "DRAFT" }],
    ["Private", { visibility: "PRIVATE" }],
    ["Unlisted", { visibility: "UNLISTED", publishedAt: new Date() }],
    ["Scheduled", { visibility: "PUBLIC", publishAt: new Date(Date.now() + HOUR) }],
    ["Rendering", { visibility: "PUBLIC", status: "PROCESSING" }],
  ];
  for (const [title, fields] of hidden) await completedVideo({ title, ...fields });
  const stored = await completedVideo({
    title: "Q&A <live> with 'quotes'",
    description: "Ask & learn: <b>not markup</b>.",
    duration: 12.6,
    publishedAt: new Date("2026-12-01T09:00:00Z"),
    storedMedia: {
      storage: "local",
      files: {
        video: { key: "videos/x/a.mp4", bytes: 123_456, sha256: SHA, contentType: "video/mp4" },
        thumbnail: { key: "videos/x/a.jpg", bytes: 1_000, sha256: SHA, contentType: "image/jpeg" },
      },
    },
    mediaStoredAt: new Date(),
  });
  const plain = await completedVideo({ title: "Plain", duration: 8, publishedAt: new Date("2026-12-02T09:00:00Z") });
  return { stored, plain };
}

describe("/sitemap.xml", () => {
  it("names the home page and each listed video's watch page with Google's video fields, nothing hidden", async () => {
    const { stored, plain } = await everyKind();
    const urls = await sitemapXml();

    expect(urls.map((url) => url.loc)).toEqual([
      `${ORIGIN}/`,
      `${ORIGIN}/videos/${plain.id}`,
      `${ORIGIN}/videos/${stored.id}`,
    ]);
    expect(urls[2]!["video:video"]).toEqual([
      {
        "video:title": "Q&A <live> with 'quotes'",
        "video:thumbnail_loc": `${ORIGIN}/media/${stored.id}/ab12cd34.jpg`,
        "video:description": "Ask & learn: <b>not markup</b>.",
        "video:content_loc": `${ORIGIN}/media/${stored.id}/ab12cd34.mp4`,
        "video:player_loc": `${ORIGIN}/embed/${stored.id}`,
        "video:duration": "13",
        "video:publication_date": "2026-12-01T09:00:00.000Z",
      },
    ]);
    expect(urls[2]!.lastmod).toBe("2026-12-01T09:00:00.000Z");
    // Not yet copied: the app's own lasting URLs, never HeyGen's presigned ones.
    expect(urls[1]!["video:video"]![0]).toMatchObject({
      "video:thumbnail_loc": `${ORIGIN}/api/videos/${plain.id}/thumbnail`,
      "video:content_loc": `${ORIGIN}/media/${plain.id}/download`,
    });
  });

  it("an empty site still has its home page", async () => {
    await completedVideo({ title: "Draft", visibility: "DRAFT" });
    expect((await sitemapXml()).map((url) => url.loc)).toEqual([`${ORIGIN}/`]);
  });
});

describe("/feed.xml", () => {
  it("RSS 2.0 of listed videos, newest published first, each MP4 an enclosure; briefly cacheable", async () => {
    const { stored, plain } = await everyKind();
    const { response, channel, items } = await feed();

    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300");
    expect(channel).toMatchObject({ title: "Avatar Studio", link: `${ORIGIN}/` });
    expect(items.map((item) => item.title)).toEqual(["Plain", "Q&A <live> with 'quotes'"]);
    expect(items[1]).toEqual({
      title: "Q&A <live> with 'quotes'",
      link: `${ORIGIN}/videos/${stored.id}`,
      guid: { "#text": `${ORIGIN}/videos/${stored.id}`, isPermaLink: "true" },
      description: "Ask & learn: <b>not markup</b>.",
      pubDate: "Tue, 01 Dec 2026 09:00:00 GMT",
      enclosure: { url: `${ORIGIN}/media/${stored.id}/ab12cd34.mp4`, length: "123456", type: "video/mp4" },
    });
    // Size unknown until the copy is stored: 0, as the RSS profile advises.
    expect(items[0]!.enclosure).toEqual({
      url: `${ORIGIN}/media/${plain.id}/download`,
      length: "0",
      type: "video/mp4",
    });
    expect(items[0]!.description).toBe("A 0:08 AI avatar video on Avatar Studio.");
  });

  it("a video hidden now is gone from the next answer; published, it is back", async () => {
    const video = await completedVideo({ title: "Soon hidden", publishedAt: new Date() });
    expect((await feed()).items.map((item) => item.title)).toEqual(["Soon hidden"]);

    const cookie = await adminCookie();
    const patch = (body: unknown) =>
      patchVideo(jsonRequest(`/api/admin/videos/${video.id}`, body, { cookie, method: "PATCH" }), {
        params: Promise.resolve({ id: video.id }),
      });
    expect((await patch({ visibility: "draft" })).status).toBe(200);
    expect((await feed()).items).toEqual([]);
    expect((await sitemapXml()).map((url) => url.loc)).toEqual([`${ORIGIN}/`]);

    expect((await patch({ visibility: "public" })).status).toBe(200);
    expect((await feed()).items.map((item) => item.title)).toEqual(["Soon hidden"]);
  });

  it("holds at most the newest 50", async () => {
    for (let day = 1; day <= 52; day++) {
      await completedVideo({ title: `Day ${day}`, publishedAt: new Date(Date.UTC(2026, 9, day)) });
    }
    const titles = (await feed()).items.map((item) => item.title);
    expect(titles).toHaveLength(50);
    expect(titles[0]).toBe("Day 52");
    expect(titles.at(-1)).toBe("Day 3");
  });
});

describe("/robots.txt", () => {
  it("allows the site and its public reads, keeps crawlers out of the admin area, login and API; names the sitemap", () => {
    const text = resolveRouteData(robots(), "robots");
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("User-Agent: *");
    expect(lines).toEqual(
      expect.arrayContaining([
        "Allow: /",
        "Allow: /api/videos/",
        "Allow: /api/oembed",
        "Disallow: /admin",
        "Disallow: /api/",
        "Disallow: /login",
        `Sitemap: ${ORIGIN}/sitemap.xml`,
      ]),
    );
  });
});
