import { describe, expect, it } from "vitest";
import WatchPage from "@/app/(site)/videos/[id]/page";
import { db } from "@/server/db";
import { MORE_VIDEOS_COUNT } from "@/server/video-lists/more-videos";
import { completedVideo } from "../support/completed-video";
import { pageHtml } from "../support/page-html";
import { videoRow } from "../support/requests";

/** The card titles under "More videos" on a viewer's watch page of `id` (none: no such section). */
async function moreVideoTitles(id: string): Promise<string[]> {
  const page = () => WatchPage({ params: Promise.resolve({ id }) } as never);
  const html = await pageHtml(undefined, page);
  const section = html.split('id="more-videos-heading"')[1];
  return section ? Array.from(section.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g), (match) => match[1]!) : [];
}

describe("the watch page's More videos", () => {
  it("shows a few other finished videos, newest first, never this one or an unfinished one", async () => {
    const minute = 60_000;
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * minute);
    const watched = await completedVideo({ title: "Watched", createdAt: at(1) });
    for (const [title, minutesAgo] of [
      ["Oldest", 50],
      ["Third", 40],
      ["Second", 30],
      ["Newest", 20],
    ] as const) {
      await completedVideo({ title, createdAt: at(minutesAgo) });
    }
    await db.video.create({ data: { ...videoRow, title: "Still rendering", status: "PROCESSING", createdAt: at(0) } });
    await db.video.create({ data: { ...videoRow, title: "Failed", status: "FAILED", createdAt: at(0) } });

    expect(MORE_VIDEOS_COUNT).toBe(3);
    expect(await moreVideoTitles(watched.id)).toEqual(["Newest", "Second", "Third"]);
  });

  it("has no More videos section when there is nothing else to watch", async () => {
    const only = await completedVideo({ title: "Only one" });
    expect(await moreVideoTitles(only.id)).toEqual([]);
  });
});
