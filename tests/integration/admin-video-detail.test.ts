import { describe, expect, it } from "vitest";
import { GET as adminVideo } from "@/app/api/admin/videos/[id]/route";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import type { AdminVideoDetail } from "@/lib/admin-video-detail";
import { getCatalogue, refreshCatalogue } from "@/server/catalogue/heygen-catalogue";
import { db } from "@/server/db";
import { A_VOICE, fakeHeygen, LANDSCAPE_LOOK } from "../support/heygen";
import { adminCookie, getRequest, jsonRequest, replayDelivery, validVideoInput } from "../support/requests";
import { callRoute } from "../support/route-scope";

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function read(id: string, cookie?: string | null) {
  const response = await adminVideo(
    getRequest(`/api/admin/videos/${id}`, cookie === null ? undefined : (cookie ?? (await adminCookie()))),
    params(id),
  );
  return { status: response.status, cacheControl: response.headers.get("cache-control"), body: await response.json() };
}

/** Made through the API: the fake renders it at once and keeps its signed delivery in its outbox. */
async function createVideo() {
  const response = await createVideoRoute(jsonRequest("/api/videos", validVideoInput, { cookie: await adminCookie() }));
  const { id } = (await response.json()) as { id: string };
  const delivery = fakeHeygen.outbox.find((d) => JSON.parse(d.body).event_data.callback_id === id)!;
  return { id, delivery };
}

describe("GET /api/admin/videos/[id]", () => {
  it("answers 401 without an admin session, and says nothing of the video", async () => {
    const { id } = await createVideo();
    const { status, body } = await read(id, null);
    expect(status).toBe(401);
    expect(body).not.toHaveProperty("deliveries");
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expect((await read("v_unknown000000000000000000")).status).toBe(404);
    expect((await read("../etc")).status).toBe(404);
  });

  it("carries HeyGen's deliveries as they arrive, with the video as they left it, never cached", async () => {
    const { id, delivery } = await createVideo();
    const before = await read(id);
    expect(before.status).toBe(200);
    expect(before.cacheControl).toBe("private, no-store");
    expect((before.body as AdminVideoDetail).video).toMatchObject({ id, status: "PROCESSING", options: {} });
    expect((before.body as AdminVideoDetail).deliveries).toEqual([]);

    const { response, afterResponse } = await callRoute(() => callback(replayDelivery(delivery)));
    expect(response.status).toBe(200);
    await afterResponse();

    const after = (await read(id)).body as AdminVideoDetail;
    expect(after.video.status).toBe("COMPLETED");
    expect(after.deliveries).toEqual([
      expect.objectContaining({
        scheme: "signed_v3",
        eventType: "avatar_video.success",
        outcome: "applied",
        receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
    expect(after.deliveries[0]).not.toHaveProperty("body");
    expect(await db.webhookDelivery.count({ where: { videoId: id } })).toBe(1);
  });

  it("says what the video was made with: its script, and its look and voice by name once the catalogue is cached", async () => {
    refreshCatalogue();
    const { id } = await createVideo();
    const settings = { script: validVideoInput.script, lookId: LANDSCAPE_LOOK.id, voiceId: A_VOICE.voice_id };
    expect(((await read(id)).body as AdminVideoDetail).settings).toEqual({
      ...settings,
      lookName: null,
      voiceName: null,
    });
    await getCatalogue();
    expect(((await read(id)).body as AdminVideoDetail).settings).toEqual({
      ...settings,
      lookName: LANDSCAPE_LOOK.name,
      voiceName: A_VOICE.name,
    });
  });
});
