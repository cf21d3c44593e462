import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as adminVideo } from "@/app/api/admin/videos/[id]/route";
import { POST as regenerateRoute } from "@/app/api/admin/videos/[id]/regenerate/route";
import { GET as listAdminVideos } from "@/app/api/admin/videos/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import type { AdminVideoDetail } from "@/lib/admin-video-detail";
import type { AdminVideo } from "@/lib/video";
import { getCatalogue, refreshCatalogue } from "@/server/catalogue/heygen-catalogue";
import { db } from "@/server/db";
import { galleryPage } from "@/server/video-lists/gallery";
import { A_VOICE, heygenRequests, LANDSCAPE_LOOK, PORTRAIT_LOOK } from "../support/heygen";
import { batchWorkers, planScript, triggerBatch } from "../support/plan";
import { adminCookie, getRequest, jsonRequest, validVideoInput, videoRow } from "../support/requests";
import { waitFor } from "../support/wait-for";

vi.hoisted(() => Object.assign(process.env, { QUEUE_SUBMIT_INTERVAL_MS: "100", QUEUE_JOB_TIMEOUT_SECONDS: "8" }));

const workers = batchWorkers();
beforeEach(() => {
  refreshCatalogue(); // no catalogue cached from an earlier test
});

/** The presenter's look is the portrait one, the video's own (Studio) look the landscape one: they tell apart. */
const aPresenter = (name = "Anna") =>
  db.presenter.create({
    data: { name, avatarId: PORTRAIT_LOOK.id, voiceId: A_VOICE.voice_id, aspectRatio: "16:9", resolution: "720p" },
  });
const preview = (lookId: string) => expect.stringContaining(`look-${lookId}.jpg`);

async function create(body: Record<string, unknown>) {
  const response = await createVideoRoute(jsonRequest("/api/videos", body, { cookie: await adminCookie() }));
  return { status: response.status, body: await response.json() };
}

async function listed(): Promise<AdminVideo[]> {
  const response = await listAdminVideos(getRequest("/api/admin/videos", await adminCookie()));
  return ((await response.json()) as { videos: AdminVideo[] }).videos;
}

const catalogueRequests = () => heygenRequests.filter((line) => /\/v3\/(avatars|voices)/.test(line));

describe("POST /api/videos with presenterId", () => {
  it("refuses an unknown presenter with a 400 naming the field: no video, no HeyGen call", async () => {
    const { status, body } = await create({ ...validVideoInput, presenterId: "no-such-presenter" });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_input", field: "presenterId" });
    expect(await db.video.count()).toBe(0);
    expect(heygenRequests.filter((line) => line.includes("/v3/videos"))).toEqual([]);
  });

  it("refuses a presenterId that is not a string, naming the field", async () => {
    const { status, body } = await create({ ...validVideoInput, presenterId: 42 });
    expect(status).toBe(400);
    expect(body.error.field).toBe("presenterId");
  });

  it("links the video to its presenter, and a regenerate keeps the link", async () => {
    const anna = await aPresenter();
    const { status, body } = await create({ ...validVideoInput, presenterId: anna.id });
    expect(status).toBe(201);
    expect(await db.video.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject({ presenterId: anna.id });

    // Regenerate is for a finished video (409 while it renders).
    await db.video.update({ where: { id: body.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    const again = await regenerateRoute(
      jsonRequest(`/api/admin/videos/${body.id}/regenerate`, {}, { cookie: await adminCookie() }),
      { params: Promise.resolve({ id: body.id }) },
    );
    expect(again.status).toBe(201);
    const { id: regeneratedId } = (await again.json()) as { id: string };
    expect(await db.video.findUniqueOrThrow({ where: { id: regeneratedId } })).toMatchObject({ presenterId: anna.id });
  });
});

describe("who presents, in the admin list, the gallery and the admin's watch data", () => {
  it("names the presenter, with its look's face once the catalogue is cached; never asks HeyGen for it", async () => {
    const anna = await aPresenter();
    await db.video.create({ data: { ...videoRow, title: "with Anna", status: "COMPLETED", presenterId: anna.id } });

    // No catalogue cached: the name, no face, and no HeyGen call from listing.
    expect((await listed())[0]!.presentedBy).toEqual({ name: "Anna", imageUrl: null });
    expect((await galleryPage()).videos[0]!.presentedBy).toEqual({ name: "Anna", imageUrl: null });
    expect(catalogueRequests()).toEqual([]);

    await getCatalogue(); // the Studio read it
    const requestsAfterLoad = catalogueRequests().length;
    expect(requestsAfterLoad).toBeGreaterThan(0);
    expect((await listed())[0]!.presentedBy).toEqual({ name: "Anna", imageUrl: preview(PORTRAIT_LOOK.id) });
    expect((await galleryPage()).videos[0]!.presentedBy).toEqual({ name: "Anna", imageUrl: preview(PORTRAIT_LOOK.id) });
    expect(catalogueRequests()).toHaveLength(requestsAfterLoad);
  });

  it("without a presenter, shows the look's name and face from the cached catalogue, or nothing", async () => {
    const video = await db.video.create({ data: { ...videoRow, title: "look only", status: "COMPLETED" } });
    expect((await listed())[0]!.presentedBy).toBeNull();
    expect((await galleryPage()).videos[0]!.presentedBy).toBeNull();

    await getCatalogue();
    const look = { name: LANDSCAPE_LOOK.name, imageUrl: preview(LANDSCAPE_LOOK.id) };
    expect((await listed())[0]!.presentedBy).toEqual(look);
    expect((await galleryPage()).videos[0]!.presentedBy).toEqual(look);
    const response = await adminVideo(getRequest(`/api/admin/videos/${video.id}`, await adminCookie()), {
      params: Promise.resolve({ id: video.id }),
    });
    expect(((await response.json()) as AdminVideoDetail).video.presentedBy).toEqual(look);
  });

  it("falls back to the look once the presenter is deleted, and keeps the video", async () => {
    const anna = await aPresenter();
    await db.video.create({ data: { ...videoRow, title: "with Anna", status: "COMPLETED", presenterId: anna.id } });
    await db.presenter.delete({ where: { id: anna.id } });
    await getCatalogue();
    expect(await listed()).toEqual([
      expect.objectContaining({
        title: "with Anna",
        presentedBy: { name: LANDSCAPE_LOOK.name, imageUrl: preview(LANDSCAPE_LOOK.id) },
      }),
    ]);
  });

  it("a batch's video is presented by its item's presenter", async () => {
    const anna = await aPresenter();
    await db.presenter.update({ where: { id: anna.id }, data: { tags: ["daily"] } });
    await planScript("2026-12-01", "Day 1", { tag: "daily" }, "News of the day.");
    expect(await triggerBatch("2026-12")).toMatchObject({ queued: 1 });
    await workers.start();

    const videos = await waitFor(listed, (list) => list.length === 1, 10_000);
    expect(videos[0]!.presentedBy).toEqual({ name: "Anna", imageUrl: null });
    expect(await db.video.findFirstOrThrow()).toMatchObject({ presenterId: anna.id });
  });
});
