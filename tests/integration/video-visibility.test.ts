import { describe, expect, it } from "vitest";
import { PATCH as patchVideo } from "@/app/api/admin/videos/[id]/route";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import type { AdminVideo } from "@/lib/video";
import { db } from "@/server/db";
import { fakeHeygen } from "../support/heygen";
import { adminCookie, jsonRequest, replayDelivery, validVideoInput } from "../support/requests";
import { callRoute } from "../support/route-scope";

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString().replace("Z", "+00:00");

async function create(extra: Record<string, unknown> = {}) {
  const response = await createVideoRoute(
    jsonRequest("/api/videos", { ...validVideoInput, ...extra }, { cookie: await adminCookie() }),
  );
  return {
    status: response.status,
    body: (await response.json()) as { id: string; error?: { field?: string; message: string } },
  };
}

/** HeyGen's finished webhook for the video, as the fake sent it. */
async function complete(id: string) {
  const delivery = fakeHeygen.outbox.find((d) => JSON.parse(d.body).event_data.callback_id === id)!;
  const { response, afterResponse } = await callRoute(() => callback(replayDelivery(delivery)));
  expect(response.status).toBe(200);
  await afterResponse();
}

async function patch(id: string, body: unknown) {
  const response = await patchVideo(
    jsonRequest(`/api/admin/videos/${id}`, body, { cookie: await adminCookie(), method: "PATCH" }),
    params(id),
  );
  return {
    status: response.status,
    body: (await response.json()) as AdminVideo & { error?: { field?: string; message: string } },
  };
}

const row = (id: string) => db.video.findUniqueOrThrow({ where: { id } });

describe("POST /api/videos with a visibility", () => {
  it("publishes as today when nothing is said: public, publishedAt set as it completes", async () => {
    const { status, body } = await create();
    expect(status).toBe(201);
    expect(await row(body.id)).toMatchObject({ visibility: "PUBLIC", publishAt: null, publishedAt: null });
    await complete(body.id);
    const done = await row(body.id);
    expect(done.status).toBe("COMPLETED");
    expect(done.publishedAt).toEqual(done.completedAt);
  });

  it("keeps a draft and a scheduled video unpublished when they complete", async () => {
    const draft = await create({ visibility: "draft" });
    const scheduled = await create({ visibility: "unlisted", publishAt: inAnHour() });
    expect([draft.status, scheduled.status]).toEqual([201, 201]);
    await complete(draft.body.id);
    await complete(scheduled.body.id);
    expect(await row(draft.body.id)).toMatchObject({ status: "COMPLETED", visibility: "DRAFT", publishedAt: null });
    expect(await row(scheduled.body.id)).toMatchObject({
      status: "COMPLETED",
      visibility: "UNLISTED",
      publishAt: expect.any(Date),
      publishedAt: null,
    });
  });

  it.each([
    [{ visibility: "Public" }, "visibility"],
    [{ visibility: "secret" }, "visibility"],
    [{ publishAt: "2030-01-01T09:00:00" }, "publishAt"],
    [{ publishAt: "next tuesday" }, "publishAt"],
    [{ publishAt: "2020-01-01T09:00:00+01:00" }, "publishAt"],
    [{ visibility: "draft", publishAt: "2099-01-01T09:00:00+01:00" }, "publishAt"],
  ])("answers 400 naming the field for %j, and makes nothing", async (extra, field) => {
    const before = await db.video.count();
    const { status, body } = await create(extra);
    expect(status).toBe(400);
    expect(body.error?.field).toBe(field);
    expect(await db.video.count()).toBe(before);
  });
});

describe("PATCH /api/admin/videos/[id]", () => {
  it("publishes a ready draft at once, once; the admin video says so", async () => {
    const { body } = await create({ visibility: "draft" });
    await complete(body.id);
    const published = await patch(body.id, { visibility: "public" });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ id: body.id, visibility: "public", publishAt: null });
    expect(Date.parse(published.body.publishedAt!)).toBeGreaterThan(Date.now() - 60_000);

    // Hidden and shown again: the first publish moment stays.
    expect((await patch(body.id, { visibility: "private" })).body.publishedAt).toBe(published.body.publishedAt);
    expect((await patch(body.id, { visibility: "unlisted" })).body).toMatchObject({
      visibility: "unlisted",
      publishedAt: published.body.publishedAt,
    });
  });

  it("schedules, clears a schedule with null, and drops it when made a draft", async () => {
    const { body } = await create({ visibility: "draft" });
    await complete(body.id);
    const moment = inAnHour();
    const scheduled = await patch(body.id, { visibility: "public", publishAt: moment });
    expect(scheduled.body).toMatchObject({ visibility: "public", publishAt: new Date(moment).toISOString() });
    expect(scheduled.body.publishedAt).toBeNull();

    expect((await patch(body.id, { visibility: "draft" })).body).toMatchObject({
      visibility: "draft",
      publishAt: null,
    });
    await patch(body.id, { visibility: "public", publishAt: moment });
    const cleared = await patch(body.id, { publishAt: null });
    expect(cleared.body).toMatchObject({ visibility: "public", publishAt: null });
    expect(cleared.body.publishedAt).not.toBeNull();
  });

  it("answers 400 naming the field for invalid combinations, 404 for an unknown video", async () => {
    const { body } = await create({ visibility: "private" });
    expect((await patch(body.id, { publishAt: inAnHour() })).body.error?.field).toBe("publishAt");
    expect((await patch(body.id, { visibility: "draft", publishAt: inAnHour() })).status).toBe(400);
    expect((await patch(body.id, { visibility: "hidden" })).body.error?.field).toBe("visibility");
    expect((await patch(body.id, { publishAt: "2001-01-01T00:00:00Z" })).body.error?.field).toBe("publishAt");
    expect((await patch(body.id, { colour: "red" })).status).toBe(400);
    expect(await row(body.id)).toMatchObject({ visibility: "PRIVATE", publishAt: null });
    expect((await patch("v_unknown000000000000000000", { visibility: "public" })).status).toBe(404);
  });
});
