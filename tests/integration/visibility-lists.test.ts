import { describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/videos/route";
import type { Prisma } from "@/generated/prisma/client";
import { galleryPage } from "@/server/video-lists/gallery";
import { moreVideos } from "@/server/video-lists/more-videos";
import { completedVideo } from "../support/completed-video";
import { adminCookie, getRequest } from "../support/requests";
import { waitFor } from "../support/wait-for";

const HOUR = 3600_000;

/** One finished video of each visibility, the listed one newest so that a page stopping early would still show it. */
const KINDS: Array<[string, Partial<Prisma.VideoCreateInput>]> = [
  ["Draft", { visibility: "DRAFT" }],
  ["Private", { visibility: "PRIVATE" }],
  ["Unlisted", { visibility: "UNLISTED" }],
  ["Scheduled", { visibility: "PUBLIC", publishAt: new Date(Date.now() + HOUR) }],
  ["Published earlier", { visibility: "PUBLIC", publishAt: new Date(Date.now() - HOUR) }],
  ["Public", { visibility: "PUBLIC" }],
];

const titles = (videos: Array<{ title: string }>) => videos.map((video) => video.title).sort();

async function publicList(cookie?: string) {
  const response = await listRoute(getRequest("/api/videos", cookie));
  expect(response.status).toBe(200);
  return titles(((await response.json()) as { videos: Array<{ title: string }> }).videos);
}

describe("public lists show listed videos only", () => {
  it("the gallery, More videos and GET /api/videos show public, published videos; an admin's list shows all", async () => {
    for (const [title, fields] of KINDS) await completedVideo({ title, ...fields });
    const listed = ["Public", "Published earlier"];
    expect(titles((await galleryPage()).videos)).toEqual(listed);
    expect(titles(await moreVideos("00000000-0000-4000-8000-000000000000"))).toEqual(listed);
    expect(await publicList()).toEqual(listed);
    expect(await publicList(await adminCookie())).toEqual(KINDS.map(([title]) => title).sort());
  });

  it("a gallery page is full even when hidden videos are newer (the query filters, not the page)", async () => {
    for (let i = 0; i < 3; i++) await completedVideo({ title: `Old ${i}`, createdAt: new Date(Date.now() - HOUR) });
    for (let i = 0; i < 30; i++) await completedVideo({ title: `Draft ${i}`, visibility: "DRAFT" });
    expect(titles((await galleryPage()).videos)).toEqual(["Old 0", "Old 1", "Old 2"]);
  });

  it("a scheduled video joins the gallery once its moment passes", async () => {
    await completedVideo({ title: "Soon", visibility: "PUBLIC", publishAt: new Date(Date.now() + 1500) });
    expect(titles((await galleryPage()).videos)).toEqual([]);
    const page = await waitFor(galleryPage, (value) => value.videos.length > 0, 10_000);
    expect(titles(page.videos)).toEqual(["Soon"]);
  });
});
