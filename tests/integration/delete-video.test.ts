import { http, HttpResponse } from "msw";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { DELETE as deleteRoute } from "@/app/api/admin/videos/[id]/route";
import { GET as oEmbedRoute } from "@/app/api/oembed/route";
import { GET as videoStatusRoute } from "@/app/api/videos/[id]/route";
import { db } from "@/server/db";
import { galleryPage } from "@/server/video-lists/gallery";
import { completedVideo } from "../support/completed-video";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import { adminCookie, getRequest, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";
import { changesHeard } from "../support/video-changes";

async function deleteVideo(id: string, init: { query?: string; cookie?: string | null } = {}) {
  const cookie = init.cookie === null ? undefined : (init.cookie ?? (await adminCookie()));
  const request = new NextRequest(`${TEST_ENV.APP_URL}/api/admin/videos/${id}${init.query ?? ""}`, {
    method: "DELETE",
    headers: cookie ? { cookie } : {},
  });
  const response = await deleteRoute(request, { params: Promise.resolve({ id }) });
  return { status: response.status, body: await response.json() };
}

async function statusOf(id: string): Promise<number> {
  const { response } = await callRoute(() =>
    videoStatusRoute(getRequest(`/api/videos/${id}`), { params: Promise.resolve({ id }) }),
  );
  return response.status;
}

async function oEmbedStatus(id: string): Promise<number> {
  const url = `${TEST_ENV.APP_URL}/videos/${id}`;
  const { response } = await callRoute(() => oEmbedRoute(getRequest(`/api/oembed?${new URLSearchParams({ url })}`)));
  return response.status;
}

const heygenDeletes = () => heygenRequests.filter((line) => line.startsWith("DELETE "));

describe("DELETE /api/admin/videos/[id]", () => {
  it("removes the video from the app at once, on every page and route, and keeps what referred to it, unlinked", async () => {
    const video = await completedVideo();
    const regeneration = await db.video.create({ data: { ...videoRow, regeneratedFromId: video.id } });
    const delivery = await db.webhookDelivery.create({
      data: { scheme: "signed_v3", outcome: "applied", videoId: video.id },
    });
    await changesHeard(); // listening: a cached row would otherwise live 5 s
    expect(await statusOf(video.id)).toBe(200); // now cached
    expect(await oEmbedStatus(video.id)).toBe(200);

    const { status, body } = await deleteVideo(video.id);
    expect(status).toBe(200);
    expect(body).toEqual({ id: video.id, heygen: "not_asked" });

    await changesHeard(); // the DELETE's notification has reached this instance's cache
    expect(await statusOf(video.id)).toBe(404);
    expect(await oEmbedStatus(video.id)).toBe(404);
    expect((await galleryPage()).videos.map((listed) => listed.id)).not.toContain(video.id);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ videoId: null });
    expect(await db.video.findUniqueOrThrow({ where: { id: regeneration.id } })).toMatchObject({
      regeneratedFromId: null,
    });
    // Not asked to: HeyGen keeps its copy.
    expect(heygenDeletes()).toEqual([]);
    expect(fakeHeygen.jobs.has(video.heygenVideoId!)).toBe(true);
  });

  it("with heygen=true, deletes the video at HeyGen first (DELETE /v3/videos/{id}), then here", async () => {
    const video = await completedVideo();
    const { status, body } = await deleteVideo(video.id, { query: "?heygen=true" });
    expect(status).toBe(200);
    expect(body).toEqual({ id: video.id, heygen: "deleted" });
    expect(heygenDeletes()).toEqual([`DELETE /v3/videos/${video.heygenVideoId}`]);
    expect(fakeHeygen.jobs.has(video.heygenVideoId!)).toBe(false);
    expect(await db.video.count()).toBe(0);
  });

  it("takes HeyGen's 404 as already deleted there, and deletes the row", async () => {
    const video = await completedVideo({ heygenVideoId: "gone-at-heygen" });
    const { status, body } = await deleteVideo(video.id, { query: "?heygen=true" });
    expect(status).toBe(200);
    expect(body.heygen).toBe("already_gone");
    expect(await db.video.count()).toBe(0);
  });

  it("deletes a video HeyGen never confirmed here only, saying there was nothing to delete there", async () => {
    const video = await db.video.create({ data: { ...videoRow, unconfirmedReason: "HeyGen answered 502" } });
    const { status, body } = await deleteVideo(video.id, { query: "?heygen=true" });
    expect(status).toBe(200);
    expect(body.heygen).toBe("no_job");
    expect(heygenRequests).toEqual([]);
    expect(await db.video.count()).toBe(0);
  });

  it.each([
    ["HeyGen refuses", 403, { error: { code: "forbidden", message: "Not your video" } }, 502, "heygen_rejected"],
    [
      "HeyGen is rate limiting",
      429,
      { error: { code: "rate_limit_exceeded", message: "Slow down" } },
      429,
      "heygen_rate_limited",
    ],
    ["HeyGen fails", 500, { error: { code: "internal", message: "Oops" } }, 503, "heygen_unavailable"],
    ["a gateway answers 404", 404, "<html>Not Found</html>", 503, "heygen_unavailable"],
  ])("keeps the row and answers an error when %s", async (_, heygenStatus, heygenBody, status, code) => {
    const video = await completedVideo();
    heygenServer.use(
      http.delete(`${TEST_ENV.HEYGEN_API_URL}/v3/videos/:id`, () =>
        typeof heygenBody === "string"
          ? new HttpResponse(heygenBody, { status: heygenStatus, headers: { "content-type": "text/html" } })
          : HttpResponse.json(heygenBody, { status: heygenStatus, headers: { "retry-after": "60" } }),
      ),
    );
    const answer = await deleteVideo(video.id, { query: "?heygen=true" });
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.message).toContain("The video was kept here.");
    expect(heygenDeletes()[0]).toBe(`DELETE /v3/videos/${video.heygenVideoId}`);
    expect(await db.video.findUnique({ where: { id: video.id } })).not.toBeNull();
  });

  it("answers 404 for an unknown or malformed id, 400 for a bad heygen flag, 401 without a session, deleting nothing", async () => {
    const video = await completedVideo();
    for (const id of ["abcdefghijklmnopqrstuvwx", "../videos", 'x\'; DROP TABLE "Video"; --']) {
      expect(await deleteVideo(id)).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    }
    expect(await deleteVideo(video.id, { query: "?heygen=yes" })).toMatchObject({
      status: 400,
      body: { error: { field: "heygen" } },
    });
    expect((await deleteVideo(video.id, { cookie: null })).status).toBe(401);
    expect(await db.video.count()).toBe(1);
    expect(heygenRequests).toEqual([]);
  });
});
