import type { Metadata } from "next";
import { describe, expect, it } from "vitest";
import { generateMetadata as watchMetadata } from "@/app/(site)/videos/[id]/layout";
import WatchPage from "@/app/(site)/videos/[id]/page";
import EmbedPage, { generateMetadata as embedMetadata } from "@/app/embed/[id]/page";
import type { Prisma } from "@/generated/prisma/client";
import { completedVideo } from "../support/completed-video";
import { pageHtml } from "../support/page-html";
import { redirectOf } from "../support/page-scope";
import { adminCookie } from "../support/requests";

const HOUR = 3600_000;
const props = (id: string) => ({ params: Promise.resolve({ id }) }) as never;

async function metadataOf(read: (p: never) => Promise<Metadata>, id: string, cookie?: string) {
  let metadata: Metadata = {};
  await redirectOf(cookie, async () => void (metadata = await read(props(id))));
  return metadata;
}

const band = (html: string) => /data-testid="visibility-band"[^>]*>(.*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, "");

describe("an admin's view of a video viewers may not see", () => {
  it.each([
    ["a draft", { visibility: "DRAFT" }, "Draft — viewers cannot see this"],
    ["a private video", { visibility: "PRIVATE" }, "Private — viewers cannot see this"],
    [
      "a scheduled video",
      { visibility: "PUBLIC", publishAt: new Date("2099-03-04T09:00:00Z") },
      "Scheduled for 4 Mar 2099, 09:00 UTC — viewers cannot see this yet",
    ],
  ] as Array<[string, Partial<Prisma.VideoCreateInput>, string]>)(
    "%s: the watch page and embed carry a band saying so, and noindex",
    async (_, fields, text) => {
      const video = await completedVideo(fields);
      const cookie = await adminCookie();
      expect(band(await pageHtml(cookie, () => WatchPage(props(video.id))))).toBe(text);
      expect(band(await pageHtml(cookie, () => EmbedPage(props(video.id))))).toBe(text);
      expect((await metadataOf(watchMetadata, video.id, cookie)).robots).toEqual({ index: false });
      expect((await metadataOf(embedMetadata, video.id, cookie)).robots).toEqual({ index: false });
    },
  );

  it("no band on a public or unlisted video; only the public one's watch page may be indexed", async () => {
    const cookie = await adminCookie();
    const published = await completedVideo({ visibility: "PUBLIC", publishAt: new Date(Date.now() - HOUR) });
    const unlisted = await completedVideo({ visibility: "UNLISTED" });
    for (const video of [published, unlisted]) {
      expect(band(await pageHtml(cookie, () => WatchPage(props(video.id))))).toBeUndefined();
      expect(band(await pageHtml(undefined, () => WatchPage(props(video.id))))).toBeUndefined();
    }
    expect((await metadataOf(watchMetadata, published.id)).robots).toBeUndefined();
    expect((await metadataOf(watchMetadata, unlisted.id)).robots).toEqual({ index: false });
    // The embed is the player inside other sites' pages: never indexed, whatever the video.
    expect((await metadataOf(embedMetadata, published.id)).robots).toEqual({ index: false });
  });
});
