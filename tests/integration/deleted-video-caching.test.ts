import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { DELETE } from "@/app/api/admin/videos/[id]/route";
import { GET as oEmbed } from "@/app/api/oembed/route";
import { GET as status } from "@/app/api/videos/[id]/route";
import { GET as captions } from "@/app/api/videos/[id]/captions/route";
import { GET as thumbnail } from "@/app/api/videos/[id]/thumbnail/route";
import { completedVideo } from "../support/completed-video";
import { adminCookie, getRequest } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";
import { changesHeard } from "../support/video-changes";

/** Every public answer about one video that a browser or a CDN may keep. */
const answers = (id: string) => {
  const params = { params: Promise.resolve({ id }) };
  return {
    status: () => status(getRequest(`/api/videos/${id}`), params),
    captions: () => captions(getRequest(`/api/videos/${id}/captions`), params),
    thumbnail: () => thumbnail(getRequest(`/api/videos/${id}/thumbnail`), params),
    oEmbed: () => oEmbed(getRequest(`/api/oembed?url=${encodeURIComponent(`${TEST_ENV.APP_URL}/videos/${id}`)}`)),
  };
};

/** The longest any cache may serve an answer with this Cache-Control, stale copies included, in seconds. */
function longestCached(cacheControl: string | null): number {
  const directive = (name: string) => Number(new RegExp(`(?:^|, )${name}=(\\d+)`).exec(cacheControl ?? "")?.[1] ?? 0);
  if (!cacheControl || /no-store/.test(cacheControl)) return 0;
  expect(cacheControl).not.toMatch(/immutable/);
  return Math.max(directive("max-age"), directive("s-maxage")) + directive("stale-while-revalidate");
}

describe("a deleted video in caches", () => {
  it("no answer about a video may be cached for more than a few minutes: it can be deleted any time", async () => {
    const video = await completedVideo();
    const headers: Record<string, string | null> = {};
    for (const [name, fetch] of Object.entries(answers(video.id))) {
      const { response } = await callRoute(fetch);
      expect(response.status, name).toBeLessThan(400);
      headers[name] = response.headers.get("cache-control");
    }
    expect(headers).toEqual({
      status: "public, max-age=60, s-maxage=300, stale-while-revalidate=60",
      captions: "public, max-age=60, s-maxage=300",
      thumbnail: "public, max-age=60, s-maxage=300",
      oEmbed: "public, max-age=60, s-maxage=300",
    });
    for (const cacheControl of Object.values(headers)) expect(longestCached(cacheControl)).toBeLessThanOrEqual(360);

    // Deleted: every one of them is gone here at once; caches follow within those few minutes.
    const request = new NextRequest(`${TEST_ENV.APP_URL}/api/admin/videos/${video.id}`, {
      method: "DELETE",
      headers: { cookie: await adminCookie() },
    });
    expect((await DELETE(request, { params: Promise.resolve({ id: video.id }) })).status).toBe(200);
    await changesHeard(); // the delete's notification has reached this instance's cache
    for (const [name, fetch] of Object.entries(answers(video.id))) {
      expect((await callRoute(fetch)).response.status, name).toBe(404);
    }
  });
});
