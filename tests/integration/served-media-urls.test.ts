import { describe, expect, it } from "vitest";
import { generateMetadata as watchMetadata } from "@/app/(site)/videos/[id]/layout";
import WatchPage from "@/app/(site)/videos/[id]/page";
import { GET as oEmbedRoute } from "@/app/api/oembed/route";
import { GET as statusRoute } from "@/app/api/videos/[id]/route";
import { GET as captionsRoute } from "@/app/api/videos/[id]/captions/route";
import { GET as cuesRoute } from "@/app/api/videos/[id]/captions/cues/route";
import { GET as thumbnailRoute } from "@/app/api/videos/[id]/thumbnail/route";
import EmbedPage from "@/app/embed/[id]/page";
import { adminVideosPage, readVideoListQuery } from "@/server/video-lists/admin-videos";
import { galleryPage } from "@/server/video-lists/gallery";
import { completedVideo } from "../support/completed-video";
import { heygenRequests } from "../support/heygen";
import { pageHtml } from "../support/page-html";
import { getRequest } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { storeMedia } from "../support/stored-media";
import { TEST_ENV } from "../support/test-env";

const APP = TEST_ENV.APP_URL;
const DAY = 24 * 3600 * 1000;
const params = (id: string) => ({ params: Promise.resolve({ id }) }) as never;

const status = async (id: string) => {
  const { response } = await callRoute(() => statusRoute(getRequest(`/api/videos/${id}`), params(id)));
  return { cacheControl: response.headers.get("cache-control"), body: await response.json() };
};
const oEmbed = async (id: string) => {
  const url = `/api/oembed?${new URLSearchParams({ url: `${APP}/videos/${id}` })}`;
  return (await callRoute(() => oEmbedRoute(getRequest(url)))).response.json();
};
const ogOf = async (id: string) => {
  const metadata = await watchMetadata(params(id));
  const og = metadata.openGraph as { videos: { url: string }[]; images: { url: string }[] };
  const twitter = metadata.twitter as { players: { streamUrl: string }[]; images: { url: string }[] };
  return { video: og.videos[0]!.url, image: og.images[0]!.url, stream: twitter.players[0]!.streamUrl };
};

/** A finished video whose HeyGen URLs expired a day ago ("completed a week ago"), its copy stored. */
async function storedWeekOld() {
  const video = await completedVideo({ mediaExpiresAt: new Date(Date.now() - DAY) });
  const { files } = await storeMedia(video.id);
  const ours = (kind: keyof typeof files) =>
    `/media/${video.id}/${files[kind]!.sha256.slice(0, 8)}.${files[kind]!.key.split(".").pop()}`;
  heygenRequests.length = 0;
  return { video, ours };
}

describe("where a video's media is served from", () => {
  it("HeyGen's URLs until the copy is stored; ours from then on, in the status JSON, share tags and oEmbed", async () => {
    const video = await completedVideo();
    const before = await status(video.id);
    expect(before.body).toMatchObject({
      videoUrl: video.videoUrl,
      thumbnailUrl: video.thumbnailUrl,
      subtitleUrl: video.subtitleUrl,
    });
    expect(await ogOf(video.id)).toEqual({
      video: video.videoUrl,
      image: `${APP}/api/videos/${video.id}/thumbnail`,
      stream: video.videoUrl,
    });
    expect((await oEmbed(video.id)).thumbnail_url).toBe(`${APP}/api/videos/${video.id}/thumbnail`);

    const { files } = await storeMedia(video.id);
    const sha8 = (kind: keyof typeof files) => files[kind]!.sha256.slice(0, 8);
    const after = await status(video.id);
    expect(after.body).toMatchObject({
      videoUrl: `/media/${video.id}/${sha8("video")}.mp4`,
      thumbnailUrl: `/media/${video.id}/${sha8("thumbnail")}.jpg`,
      subtitleUrl: `/media/${video.id}/${sha8("srt")}.srt`,
    });
    expect(await ogOf(video.id)).toEqual({
      video: `${APP}/media/${video.id}/${sha8("video")}.mp4`,
      image: `${APP}/media/${video.id}/${sha8("thumbnail")}.jpg`,
      stream: `${APP}/media/${video.id}/${sha8("video")}.mp4`,
    });
    expect((await oEmbed(video.id)).thumbnail_url).toBe(`${APP}/media/${video.id}/${sha8("thumbnail")}.jpg`);
    expect(heygenRequests).toEqual([]);
  });

  it("never asks HeyGen for fresh URLs once stored, and caches the status as for URLs that do not expire", async () => {
    const { video, ours } = await storedWeekOld();
    const answer = await status(video.id);
    expect(answer.body.videoUrl).toBe(ours("video"));
    expect(answer.cacheControl).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=60");
    expect(
      (await callRoute(() => thumbnailRoute(getRequest(`/x`), params(video.id)))).response.headers.get("location"),
    ).toBe(`${APP}${ours("thumbnail")}`);
    await watchMetadata(params(video.id));
    expect(heygenRequests).toEqual([]);
  });

  it("names our files on the watch page, the embed, the gallery and the admin list", async () => {
    const { video, ours } = await storedWeekOld();
    const watch = await pageHtml(undefined, () => WatchPage(params(video.id)));
    expect(watch).toContain(`src="${ours("video")}"`);
    expect(watch).toContain(`poster="${ours("thumbnail")}"`);
    expect(watch).toContain(`href="/media/${video.id}/download"`);
    expect(watch).not.toContain(video.videoUrl!.replace(/&/g, "&amp;"));
    const embed = await pageHtml(undefined, () => EmbedPage(params(video.id)));
    expect(embed).toContain(`src="${ours("video")}"`);
    expect((await galleryPage()).videos[0]!.thumbnailUrl).toBe(ours("thumbnail"));
    const admin = await adminVideosPage(readVideoListQuery(new URLSearchParams()));
    expect(admin.videos[0]).toMatchObject({ videoUrl: ours("video"), thumbnailUrl: ours("thumbnail") });
    expect(heygenRequests).toEqual([]);
  });

  it("serves the stored captions to the player and the transcript, asking HeyGen nothing", async () => {
    const { video } = await storedWeekOld();
    const vtt = await (await callRoute(() => captionsRoute(getRequest("/x"), params(video.id)))).response.text();
    expect(vtt).toContain("Stored line one");
    const cues = await (await callRoute(() => cuesRoute(getRequest("/x"), params(video.id)))).response.json();
    expect(cues).toEqual([
      { start: 0, end: 2, text: "Stored line one" },
      { start: 2, end: 4.5, text: "Stored line two" },
    ]);
    expect(heygenRequests).toEqual([]);
  });
});
