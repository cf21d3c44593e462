import { describe, expect, it } from "vitest";
import { generateMetadata as watchMetadata } from "@/app/(site)/videos/[id]/layout";
import WatchPage from "@/app/(site)/videos/[id]/page";
import { POST as regenerateRoute } from "@/app/api/admin/videos/[id]/regenerate/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { generateMetadata as embedMetadata } from "@/app/embed/[id]/page";
import { DESCRIPTION_MAX_LENGTH } from "@/lib/limits";
import { db } from "@/server/db";
import { completedVideo } from "../support/completed-video";
import { pageHtml } from "../support/page-html";
import { adminCookie, jsonRequest, validVideoInput } from "../support/requests";

const DESCRIPTION = "A short welcome.\nFilmed for the spring launch.";

async function create(body: unknown) {
  const response = await createVideoRoute(jsonRequest("/api/videos", body, { cookie: await adminCookie() }));
  return { status: response.status, body: await response.json() };
}

const params = (id: string) => ({ params: Promise.resolve({ id }) }) as never;

describe("a video's optional description", () => {
  it("is stored, returned, and kept by a regenerate", async () => {
    const { status, body } = await create({ ...validVideoInput, description: `  ${DESCRIPTION}  ` });
    expect(status).toBe(201);
    expect(body.description).toBe(DESCRIPTION);
    expect(await db.video.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject({ description: DESCRIPTION });

    await db.video.update({ where: { id: body.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    const again = await regenerateRoute(
      jsonRequest(`/api/admin/videos/${body.id}/regenerate`, {}, { cookie: await adminCookie() }),
      params(body.id),
    );
    expect(again.status).toBe(201);
    const { id } = (await again.json()) as { id: string };
    expect(await db.video.findUniqueOrThrow({ where: { id } })).toMatchObject({ description: DESCRIPTION });
  });

  it("is optional: missing or blank, none", async () => {
    const { status, body } = await create({ ...validVideoInput, description: "   " });
    expect(status).toBe(201);
    expect(body.description).toBeNull();
    expect((await create(validVideoInput)).body.description).toBeNull();
  });

  it("is refused past its limit, with a 400 naming the field", async () => {
    const { status, body } = await create({ ...validVideoInput, description: "x".repeat(DESCRIPTION_MAX_LENGTH + 1) });
    expect(status).toBe(400);
    expect(body.error.field).toBe("description");
    expect(body.error.message).toContain("description");
    expect(await db.video.count()).toBe(0);
  });

  it("shows under the title on the watch page and is the page's description for link previews", async () => {
    const video = await completedVideo({ description: DESCRIPTION });
    const html = await pageHtml(undefined, () => WatchPage(params(video.id)));
    expect(html).toMatch(
      /<p class="[^"]*whitespace-pre-line[^"]*">A short welcome.\nFilmed for the spring launch.<\/p>/,
    );

    const watch = await watchMetadata(params(video.id));
    expect(watch.description).toBe(DESCRIPTION);
    expect(watch.openGraph?.description).toBe(DESCRIPTION);
    expect(watch.twitter?.description).toBe(DESCRIPTION);
    expect((await embedMetadata(params(video.id))).description).toBe(DESCRIPTION);
  });

  it("leaves the page's own description when there is none", async () => {
    const video = await completedVideo();
    expect((await watchMetadata(params(video.id))).description).toMatch(/AI avatar video/);
  });
});
