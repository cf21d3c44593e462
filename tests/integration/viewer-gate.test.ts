import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import WatchPage from "@/app/(site)/videos/[id]/page";
import EmbedPage from "@/app/embed/[id]/page";
import { GET as oembedRoute } from "@/app/api/oembed/route";
import { GET as statusRoute } from "@/app/api/videos/[id]/route";
import { GET as captionsRoute } from "@/app/api/videos/[id]/captions/route";
import { GET as cuesRoute } from "@/app/api/videos/[id]/captions/cues/route";
import { GET as thumbnailRoute } from "@/app/api/videos/[id]/thumbnail/route";
import { GET as mediaRoute } from "@/app/media/[id]/[file]/route";
import { GET as downloadRoute } from "@/app/media/[id]/download/route";
import type { Prisma } from "@/generated/prisma/client";
import { completedVideo } from "../support/completed-video";
import { pageHtml } from "../support/page-html";
import { adminCookie, getRequest } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { storeMedia } from "../support/stored-media";
import { TEST_ENV } from "../support/test-env";
import { waitFor } from "../support/wait-for";

const HOUR = 3600_000;

/** A page's answer as Next gives it: 404 when it called notFound(), else 200. */
async function pageStatus(render: () => Promise<unknown>, cookie?: string): Promise<number> {
  try {
    await pageHtml(cookie, render);
    return 200;
  } catch (error) {
    if (String((error as { digest?: unknown }).digest).startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return 404;
    throw error;
  }
}

const call = async (handler: (request: NextRequest) => Promise<Response>, path: string, cookie?: string) =>
  (await callRoute(() => handler(getRequest(path, cookie)))).response;

/** Every viewer route's answer about `id` (status and Cache-Control), for a request carrying `cookie` (none: a viewer). */
async function viewerRoutes(id: string, mediaFile: string, cookie?: string) {
  const params = <P>(value: P) => ({ params: Promise.resolve(value) });
  const answers: Record<string, Response> = {
    status: await call((r) => statusRoute(r, params({ id })), `/api/videos/${id}`, cookie),
    longPoll: await call((r) => statusRoute(r, params({ id })), `/api/videos/${id}?wait=1`, cookie),
    captions: await call((r) => captionsRoute(r, params({ id })), `/api/videos/${id}/captions`, cookie),
    cues: await call((r) => cuesRoute(r, params({ id })), `/api/videos/${id}/captions/cues`, cookie),
    thumbnail: await call((r) => thumbnailRoute(r, params({ id })), `/api/videos/${id}/thumbnail`, cookie),
    oembed: await call(
      (r) => oembedRoute(r),
      `/api/oembed?url=${encodeURIComponent(`${TEST_ENV.APP_URL}/videos/${id}`)}`,
      cookie,
    ),
    media: await call((r) => mediaRoute(r, params({ id, file: mediaFile })), `/media/${id}/${mediaFile}`, cookie),
    download: await call((r) => downloadRoute(r, params({ id })), `/media/${id}/download`, cookie),
  };
  const statuses: Record<string, number> = {};
  const caching: Record<string, string | null> = {};
  for (const [name, response] of Object.entries(answers)) {
    statuses[name] = response.status;
    caching[name] = response.headers.get("cache-control");
  }
  statuses.watchPage = await pageStatus(() => WatchPage({ params: Promise.resolve({ id }) } as never), cookie);
  statuses.embed = await pageStatus(() => EmbedPage({ params: Promise.resolve({ id }) } as never), cookie);
  return { statuses, caching };
}

const REFUSED = {
  status: 404,
  longPoll: 404,
  captions: 404,
  cues: 404,
  thumbnail: 404,
  oembed: 404,
  media: 404,
  download: 404,
  watchPage: 404,
  embed: 404,
};
const SERVED = { ...REFUSED, status: 200, longPoll: 200, captions: 200, cues: 200, thumbnail: 302, oembed: 200 };
Object.assign(SERVED, { media: 200, download: 200, watchPage: 200, embed: 200 });

/** A finished video with its media copy stored, and the name of its stored MP4 (`{sha8}.mp4`). */
async function storedVideo(fields: Partial<Prisma.VideoCreateInput>) {
  const video = await completedVideo(fields);
  const stored = await storeMedia(video.id);
  return { video, mp4: stored.files.video.key.split("/").pop()! };
}

const HIDDEN: Array<[string, Partial<Prisma.VideoCreateInput>]> = [
  ["a draft", { visibility: "DRAFT" }],
  ["a private video", { visibility: "PRIVATE" }],
  ["a scheduled video", { visibility: "PUBLIC", publishAt: new Date(Date.now() + HOUR) }],
  ["a scheduled unlisted video", { visibility: "UNLISTED", publishAt: new Date(Date.now() + HOUR) }],
];

describe("viewer routes and a video viewers may not see", () => {
  it.each(HIDDEN)(
    "refuse %s to a viewer (404, cached by no one) and serve it to an admin, privately",
    async (_, fields) => {
      const { video, mp4 } = await storedVideo(fields);
      const viewer = await viewerRoutes(video.id, mp4);
      expect(viewer.statuses).toEqual(REFUSED);
      for (const [name, value] of Object.entries(viewer.caching)) expect([name, value]).toEqual([name, "no-store"]);

      const admin = await viewerRoutes(video.id, mp4, await adminCookie());
      expect(admin.statuses).toEqual(SERVED);
      // Nothing an admin is shown of a hidden video may sit in a shared cache (a CDN would give it to anyone).
      for (const [name, value] of Object.entries(admin.caching))
        expect([name, value]).toEqual([name, "private, no-store"]);
    },
  );

  it("serve a public and an unlisted video to a viewer, cacheable", async () => {
    for (const visibility of ["PUBLIC", "UNLISTED"] as const) {
      const { video, mp4 } = await storedVideo({ visibility, publishAt: new Date(Date.now() - HOUR) });
      const viewer = await viewerRoutes(video.id, mp4);
      expect(viewer.statuses).toEqual(SERVED);
      expect(viewer.caching.media).toBe("public, max-age=31536000, immutable");
      expect(viewer.caching.captions).toMatch(/^public, /);
    }
  });

  it("let a viewer see a scheduled video once its moment passes, with no write and no cached 404", async () => {
    const { video, mp4 } = await storedVideo({ visibility: "PUBLIC", publishAt: new Date(Date.now() + 1500) });
    const status = () =>
      call((r) => statusRoute(r, { params: Promise.resolve({ id: video.id }) }), `/api/videos/${video.id}`);
    const before = await status();
    expect(before.status).toBe(404);
    expect(before.headers.get("cache-control")).toBe("no-store");
    const after = await waitFor(status, (response) => response.status === 200, 10_000);
    expect(after.status).toBe(200);
    expect(Date.now()).toBeGreaterThanOrEqual(video.publishAt!.getTime());
    expect((await viewerRoutes(video.id, mp4)).statuses).toEqual(SERVED);
  });
});

describe("GET /api/videos/[id]?wait (the long-poll) and a hidden video", () => {
  it("answers a viewer's wait at once with 404 rather than holding it", async () => {
    const { video } = await storedVideo({ visibility: "DRAFT" });
    const started = Date.now();
    const response = await call(
      (r) => statusRoute(r, { params: Promise.resolve({ id: video.id }) }),
      `/api/videos/${video.id}?wait=20`,
    );
    expect(response.status).toBe(404);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
