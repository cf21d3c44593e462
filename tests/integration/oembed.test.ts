import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/oembed/route";
import { db } from "@/server/db";
import { completedVideo } from "../support/completed-video";
import { getRequest, videoRow } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";

const APP = TEST_ENV.APP_URL;

const oEmbed = async (query: Record<string, string>) => {
  const { response } = await callRoute(() => GET(getRequest(`/api/oembed?${new URLSearchParams(query)}`)));
  return response;
};

describe("GET /api/oembed", () => {
  it("answers a landscape video's oEmbed: an iframe of the embed player, 640 × 360, its stable thumbnail", async () => {
    const video = await completedVideo({ title: `Say "hi" <now> & then` });
    const response = await oEmbed({ url: `${APP}/videos/${video.id}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({
      version: "1.0",
      type: "video",
      provider_name: "Avatar Studio",
      provider_url: `${APP}/`,
      title: `Say "hi" <now> & then`,
      html:
        `<iframe src="${APP}/embed/${video.id}" width="640" height="360" frameborder="0" ` +
        `allow="autoplay; fullscreen; picture-in-picture" allowfullscreen ` +
        `title="Say &#34;hi&#34; &#60;now&#62; &#38; then"></iframe>`,
      width: 640,
      height: 360,
      thumbnail_url: `${APP}/api/videos/${video.id}/thumbnail`,
      thumbnail_width: 1920,
      thumbnail_height: 1080,
    });
  });

  describe("the app's own address comes from APP_URL, never from the request's headers", () => {
    const FORGED = `x"onload="alert(1)@evil.example`;
    const forged = (path: string, origin: string = APP) =>
      new NextRequest(new URL(path, origin), {
        headers: { host: "evil.example", "x-forwarded-host": FORGED, "x-forwarded-proto": "javascript" },
      });
    const urlsIn = (body: { provider_url: string; thumbnail_url: string; html: string }) => [
      body.provider_url,
      body.thumbnail_url,
      ...Array.from(body.html.matchAll(/src="([^"]*)"/g), (match) => match[1]),
    ];

    it("a forged Host / X-Forwarded-Host changes no URL of the answer", async () => {
      const video = await completedVideo();
      const { response } = await callRoute(() => GET(forged(`/api/oembed?url=${APP}/videos/${video.id}`)));
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(urlsIn(body)).toEqual([`${APP}/`, `${APP}/api/videos/${video.id}/thumbnail`, `${APP}/embed/${video.id}`]);
      expect(JSON.stringify(body)).not.toMatch(/evil|onload|javascript/);
    });

    it("without APP_URL (development), links name the local server, still not the forged host", async () => {
      vi.stubEnv("APP_URL", "");
      vi.stubEnv("PORT", "3456");
      await restartProcess();
      const local = "http://localhost:3456";
      const video = await completedVideo();
      const { response } = await callRoute(() => GET(forged(`/api/oembed?url=${local}/videos/${video.id}`, local)));
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(urlsIn(body)).toEqual([
        `${local}/`,
        `${local}/api/videos/${video.id}/thumbnail`,
        `${local}/embed/${video.id}`,
      ]);
      expect(JSON.stringify(body)).not.toMatch(/evil|onload|javascript/);
    });

    it("escapes the app's own URL in the html too: nothing in it can end the attribute", async () => {
      // A URL parser lets a quote into a host name; APP_URL is the admin's, but the html is pasted as is elsewhere.
      vi.stubEnv("APP_URL", `http://a"onload="alert(1).test`);
      await restartProcess();
      const video = await completedVideo();
      const url = new URL(`/videos/${video.id}`, `http://a"onload="alert(1).test`).href;
      const { response } = await callRoute(() => GET(getRequest(`/api/oembed?${new URLSearchParams({ url })}`)));
      expect(response.status).toBe(200);
      const { html } = await response.json();
      expect(html).toContain(`src="http://a&#34;onload=&#34;alert(1).test/embed/${video.id}"`);
      expect(html.match(/"/g)).toHaveLength(2 * 6); // src, width, height, frameborder, allow, title: no other quote
    });
  });

  it.each([
    ["16:9", "1080p", {}, [640, 360], [1920, 1080]],
    ["9:16", "720p", {}, [360, 640], [720, 1280]],
    ["16:9", "1080p", { maxwidth: "320" }, [320, 180], [1920, 1080]],
    ["16:9", "1080p", { maxheight: "100" }, [177, 100], [1920, 1080]],
    ["9:16", "1080p", { maxwidth: "300", maxheight: "400" }, [225, 400], [1080, 1920]],
    ["9:16", "1080p", { maxwidth: "180", maxheight: "400" }, [180, 320], [1080, 1920]],
    ["1:1", "4k", { maxwidth: "2000" }, [640, 640], [2160, 2160]],
  ])(
    "sizes a %s %s video %j to %j, thumbnail %j",
    async (aspectRatio, resolution, bounds, [width, height], [tw, th]) => {
      const video = await completedVideo({ aspectRatio, resolution });
      const body = await (await oEmbed({ url: `${APP}/videos/${video.id}`, ...bounds })).json();
      expect([body.width, body.height, body.thumbnail_width, body.thumbnail_height]).toEqual([width, height, tw, th]);
      expect(body.html).toContain(`width="${width}" height="${height}"`);
    },
  );

  it("leaves the thumbnail out when HeyGen gave none, and takes format=json and a trailing slash", async () => {
    const video = await completedVideo({ thumbnailUrl: null });
    const body = await (await oEmbed({ url: `${APP}/videos/${video.id}/`, format: "json" })).json();
    expect(body.type).toBe("video");
    expect(Object.keys(body).filter((key) => key.startsWith("thumbnail"))).toEqual([]);
  });

  it.each([
    ["no url", {}, "url", "url is required"],
    ["another site's page", { url: "https://evil.example/videos/abc" }, "url", undefined],
    ["a page of this site that is not a watch page", { url: `${APP}/admin` }, "url", undefined],
    ["not a URL", { url: "videos/abc" }, "url", undefined],
    [
      "a maxwidth that is not a number",
      { url: `${APP}/videos/x`, maxwidth: "wide" },
      "maxwidth",
      "maxwidth must be a number",
    ],
    ["a maxheight of 0", { url: `${APP}/videos/x`, maxheight: "0" }, "maxheight", "maxheight must be positive"],
    ["an unknown format", { url: `${APP}/videos/x`, format: "yaml" }, "format", "format must be json or xml"],
  ])("answers 400 naming the parameter for %s", async (_label, query, field, message) => {
    const response = await oEmbed(query);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: "invalid_input", field });
    if (message) expect(error.message).toBe(message);
  });

  it("answers 501 for format=xml, as the oEmbed spec says", async () => {
    const video = await completedVideo();
    const response = await oEmbed({ url: `${APP}/videos/${video.id}`, format: "xml" });
    expect(response.status).toBe(501);
    expect((await response.json()).error.code).toBe("format_not_implemented");
  });

  it.each([
    ["an unknown video", async () => "nosuchvideo0000000000000"],
    [
      "a video still rendering",
      async () => (await db.video.create({ data: { ...videoRow, status: "PROCESSING" } })).id,
    ],
    ["a failed video", async () => (await db.video.create({ data: { ...videoRow, status: "FAILED", error: "x" } })).id],
  ])("answers 404 for %s", async (_label, idOf) => {
    const response = await oEmbed({ url: `${APP}/videos/${await idOf()}` });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });
});
