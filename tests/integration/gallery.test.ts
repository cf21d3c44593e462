import { describe, expect, it } from "vitest";
import type { VideoStatus } from "@/lib/video";
import { db } from "@/server/db";
import { GALLERY_PAGE_SIZE, galleryPage } from "@/server/video-lists/gallery";
import { heygenRequests } from "../support/heygen";
import { videoRow } from "../support/requests";
import { TEST_ENV } from "../support/test-env";

const MINUTE = 60_000;
const T0 = new Date("2026-01-01T12:00:00.000Z");

/** Videos named "v0", "v1", … made one minute apart (v0 oldest), unless `at` gives them all one instant. */
async function makeVideos(count: number, options: { status?: VideoStatus; at?: Date; prefix?: string } = {}) {
  const { status = "COMPLETED", prefix = "v" } = options;
  await db.video.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      ...videoRow,
      title: `${prefix}${i}`,
      status,
      createdAt: options.at ?? new Date(T0.getTime() + i * MINUTE),
    })),
  });
}

/** Every page, following each page's cursor from the first. */
async function allPages() {
  const pages = [await galleryPage()];
  while (pages.at(-1)!.olderCursor) pages.push(await galleryPage(pages.at(-1)!.olderCursor));
  return pages;
}

const titles = (videos: Array<{ title: string }>) => videos.map((video) => video.title);

describe("the public gallery (galleryPage)", () => {
  it("lists completed videos only, newest first", async () => {
    await makeVideos(3);
    for (const status of ["PENDING", "PROCESSING", "FAILED"] as const) await makeVideos(1, { status, prefix: status });
    const page = await galleryPage();
    expect(titles(page.videos)).toEqual(["v2", "v1", "v0"]);
    expect(page.olderCursor).toBeNull();
  });

  it(`pages ${GALLERY_PAGE_SIZE} at a time, each page carrying on where the last one ended`, async () => {
    await makeVideos(GALLERY_PAGE_SIZE * 2 + 5);
    const pages = await allPages();
    expect(pages.map((page) => page.videos.length)).toEqual([GALLERY_PAGE_SIZE, GALLERY_PAGE_SIZE, 5]);
    const expected = Array.from({ length: GALLERY_PAGE_SIZE * 2 + 5 }, (_, i) => `v${GALLERY_PAGE_SIZE * 2 + 4 - i}`);
    expect(pages.flatMap((page) => titles(page.videos))).toEqual(expected);
    expect(pages.at(-1)!.olderCursor).toBeNull();
  });

  it("keeps its place when newer videos arrive meanwhile", async () => {
    await makeVideos(GALLERY_PAGE_SIZE + 2);
    const first = await galleryPage();
    await makeVideos(3, { at: new Date(T0.getTime() + 1000 * MINUTE), prefix: "new" });
    expect(titles((await galleryPage(first.olderCursor)).videos)).toEqual(["v1", "v0"]);
  });

  it("neither skips nor repeats videos that share a timestamp across a page boundary", async () => {
    await makeVideos(GALLERY_PAGE_SIZE + 7, { at: T0 });
    const pages = await allPages();
    const ids = pages.flatMap((page) => page.videos.map((video) => video.id));
    expect(pages).toHaveLength(2);
    expect(new Set(ids).size).toBe(GALLERY_PAGE_SIZE + 7);
    expect(ids).toEqual([...ids].sort().reverse()); // same instant: by id, descending
  });

  it.each([
    ["junk", "not-a-cursor"],
    ["a cursor without an id", Buffer.from(T0.toISOString()).toString("base64url")],
    ["a cursor with a bad date", Buffer.from("yesterday_abcdefghijklmnopqrstu").toString("base64url")],
    ["a cursor with a bad id", Buffer.from(`${T0.toISOString()}_' OR 1=1 --`).toString("base64url")],
    ["an empty cursor", ""],
  ])("answers %s with the first page", async (_, cursor) => {
    await makeVideos(GALLERY_PAGE_SIZE + 1);
    const page = await galleryPage(cursor);
    expect(page.videos[0]!.title).toBe(`v${GALLERY_PAGE_SIZE}`);
    expect(page.videos).toHaveLength(GALLERY_PAGE_SIZE);
  });

  it("serves thumbnails with fresh URLs, never ones about to expire", async () => {
    const job = await fetch(`${TEST_ENV.HEYGEN_API_URL}/v3/videos`, {
      method: "POST",
      headers: { "x-api-key": TEST_ENV.HEYGEN_API_KEY, "content-type": "application/json" },
      body: JSON.stringify({ type: "avatar", avatar_id: videoRow.avatarId, script: "Hi", title: videoRow.title }),
    }).then((r) => r.json() as Promise<{ data: { video_id: string } }>);
    const soon = new Date(Date.now() + 10 * MINUTE);
    const stale = `https://resource.heygen.ai/old.jpg?Expires=${Math.floor(soon.getTime() / 1000)}`;
    await db.video.create({
      data: {
        ...videoRow,
        status: "COMPLETED",
        heygenVideoId: job.data.video_id,
        thumbnailUrl: stale,
        videoUrl: stale,
        mediaExpiresAt: soon,
      },
    });
    heygenRequests.length = 0;
    const [video] = (await galleryPage()).videos;
    expect(video!.thumbnailUrl).toMatch(new RegExp(`^${TEST_ENV.HEYGEN_API_URL}/media/${job.data.video_id}\\.jpg\\?`));
    expect(heygenRequests).toEqual([`GET /v3/videos/${job.data.video_id}`]);
  });

  it("shows viewers a plain public video: no HeyGen ids or admin messages", async () => {
    await db.video.create({
      data: {
        ...videoRow,
        status: "COMPLETED",
        heygenVideoId: "heygen-internal",
        mediaExpiresAt: new Date(Date.now() + 48 * 60 * MINUTE),
      },
    });
    const [video] = (await galleryPage()).videos;
    expect(video).not.toHaveProperty("heygenVideoId");
    expect(video).not.toHaveProperty("script");
  });
});
