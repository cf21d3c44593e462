import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { http, HttpResponse } from "msw";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { DELETE as deleteRoute } from "@/app/api/admin/videos/[id]/route";
import { POST as regenerateRoute } from "@/app/api/admin/videos/[id]/regenerate/route";
import { POST as translateRoute } from "@/app/api/admin/videos/[id]/translations/route";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { GET as getVideo } from "@/app/api/videos/[id]/route";
import { FAKE_MARKERS } from "@/mocks/heygen/fake-heygen";
import { db } from "@/server/db";
import { parseStoredMedia } from "@/server/media/storage/stored-media";
import { buildPayload } from "@/server/outgoing-webhooks/payload";
import { reconcileDue } from "@/server/reconcile/reconcile-due";
import { completedVideo } from "../support/completed-video";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import { queueWorkerPerTest } from "../support/queue-worker";
import { adminCookie, getRequest, jsonRequest, replayDelivery, unsigned } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { storeMedia } from "../support/stored-media";
import { TEST_ENV } from "../support/test-env";
import { changesHeard } from "../support/video-changes";
import { waitFor } from "../support/wait-for";

const reload = (id: string) => db.video.findUniqueOrThrow({ where: { id } });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function translate(sourceId: string, language = "Spanish (Spain)") {
  const request = jsonRequest(
    `/api/admin/videos/${sourceId}/translations`,
    { languages: [language] },
    {
      cookie: await adminCookie(),
    },
  );
  const response = await translateRoute(request, params(sourceId));
  return { status: response.status, body: await response.json() };
}

/** A completed source (titled `title`: the fake reads its markers there) and its variant, sent to HeyGen. */
async function variantOf(title = "Welcome") {
  const source = await completedVideo({ title });
  const { body } = await translate(source.id);
  heygenRequests.length = 0;
  return { source, variantId: body.created[0].id as string };
}

const deliveryFor = (variantId: string) =>
  fakeHeygen.outbox.find((delivery) => JSON.parse(delivery.body).event_data.callback_id === variantId)!;

async function deliver(request: NextRequest) {
  const { response, afterResponse } = await callRoute(() => callback(request));
  const answer = { status: response.status, body: await response.json() };
  await afterResponse();
  return answer;
}

/** No news for `minutes`. */
async function age(id: string, minutes: number) {
  await db.video.update({
    where: { id },
    data: { createdAt: new Date(Date.now() - minutes * 60_000), heygenCheckedAt: null },
  });
  await changesHeard();
}

const noEventsHistory = () =>
  heygenServer.use(
    http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/webhooks/events`, () =>
      HttpResponse.json({ data: [], has_more: false, next_token: null }),
    ),
  );

describe("a translation completes like a video, through the sync path", () => {
  it("by the signed video_translate.success: a 'go and look' that asks HeyGen, logged against the variant", async () => {
    const { source, variantId } = await variantOf();
    const translationId = (await reload(variantId)).heygenVideoId!;
    const delivery = deliveryFor(variantId);
    expect(delivery.kind).toBe("v3");
    expect((await reload(source.id)).spokenLanguage).toBeNull();

    const { response, afterResponse } = await callRoute(() => callback(replayDelivery(delivery)));
    expect(response.status).toBe(200);
    expect((await response.json()).outcome).toBe("needs_check");
    expect((await reload(variantId)).status).toBe("PROCESSING"); // the payload's word changes nothing by itself
    await afterResponse();

    expect(heygenRequests).toEqual([`GET /v3/video-translations/${translationId}`]);
    const done = await reload(variantId);
    expect(done).toMatchObject({ status: "COMPLETED", duration: 5, thumbnailUrl: null });
    expect(done.videoUrl).toMatch(new RegExp(`/media/${translationId}\\.mp4\\?`));
    expect(done.subtitleUrl).toMatch(/\.srt\?/);
    expect(done.detailsAt).not.toBeNull();
    const logged = await db.webhookDelivery.findMany({ where: { videoId: variantId } });
    expect(logged.map((row) => [row.eventType, row.outcome, row.scheme])).toEqual([
      ["video_translate.success", "needs_check", "signed_v3"],
    ]);
    // HeyGen's record says what the source speaks (input_language): the watch page names the original with it.
    expect((await reload(source.id)).spokenLanguage).toBe("English");
    const status = await (await getVideo(getRequest(`/api/videos/${source.id}`), params(source.id))).json();
    expect(
      status.languages.map((language: { name: string; tag: string | null }) => [language.name, language.tag]),
    ).toEqual([
      ["English (original)", "en"],
      ["Spanish (Spain)", "es-ES"],
    ]);

    // The same delivery again: a duplicate, and no second HeyGen call.
    heygenRequests.length = 0;
    expect((await deliver(replayDelivery(delivery))).body.outcome).toBe("duplicate");
    expect(heygenRequests).toEqual([]);
  });

  it("fails by the signed video_translate.fail with HeyGen's reason; asking again makes a new variant", async () => {
    const { source, variantId } = await variantOf(`Welcome ${FAKE_MARKERS.fail}`);
    await deliver(replayDelivery(deliveryFor(variantId)));
    const failed = await reload(variantId);
    expect(failed).toMatchObject({ status: "FAILED", variantKey: null });
    expect(failed.error).toMatch(/Translation failed/);

    const retry = await translate(source.id);
    expect(retry.status).toBe(201);
    expect(retry.body.created[0].id).not.toBe(variantId);
    expect(await db.video.count({ where: { sourceVideoId: source.id } })).toBe(2);
  });

  it("by an unsigned hint naming the translation (a callback_url post): the app asks HeyGen", async () => {
    const { variantId } = await variantOf();
    const answer = await deliver(unsigned(deliveryFor(variantId).body));
    expect(answer).toMatchObject({ status: 202, body: { outcome: "check_scheduled" } });
    expect(await reload(variantId)).toMatchObject({ status: "COMPLETED", duration: 5 });
  });

  it("webhook lost: a reconciliation run catches up on HeyGen's events history", async () => {
    const { variantId } = await variantOf(`Welcome ${FAKE_MARKERS.noWebhook}`);
    expect(deliveryFor(variantId)).toBeUndefined();
    await age(variantId, 3);
    // Finished by the catch-up itself: the due check that follows finds it claimed, and asks nothing more.
    expect(await reconcileDue()).toMatchObject({ due: 1, caughtUpEvents: 1, checked: 0 });
    expect(heygenRequests[0]).toBe("GET /v3/webhooks/events");
    expect(await reload(variantId)).toMatchObject({ status: "COMPLETED", duration: 5 });
    const caughtUp = await db.webhookDelivery.findMany({
      where: { scheme: "events_api", eventType: "video_translate.success" },
    });
    expect(caughtUp.map((row) => [row.videoId, row.outcome])).toEqual([[variantId, "needs_check"]]);
  });

  it("webhook lost, no history: a run asks about the variant at /v3/video-translations, never in the videos' bulk statuses", async () => {
    noEventsHistory();
    const { variantId } = await variantOf(`Welcome ${FAKE_MARKERS.noWebhook}`);
    const translationId = (await reload(variantId)).heygenVideoId!;
    await age(variantId, 3);
    expect(await reconcileDue()).toMatchObject({ due: 1, checked: 1, finished: 1 });
    expect(heygenRequests).toContain(`GET /v3/video-translations/${translationId}`);
    expect(heygenRequests).not.toContain("GET /v3/videos/statuses");
    expect(await reload(variantId)).toMatchObject({ status: "COMPLETED" });
  });

  it("webhook lost: a viewer's poll of a stale variant makes the app ask HeyGen, after answering", async () => {
    const { variantId } = await variantOf(`Welcome ${FAKE_MARKERS.noWebhook}`);
    await age(variantId, 3);
    const { response, afterResponse } = await callRoute(() =>
      getVideo(getRequest(`/api/videos/${variantId}`), params(variantId)),
    );
    expect((await response.json()).status).toBe("PROCESSING");
    await afterResponse();
    expect(await reload(variantId)).toMatchObject({ status: "COMPLETED", duration: 5 });
  });

  it("a create whose answer was lost is found among HeyGen's translations by its callback_id", async () => {
    noEventsHistory();
    const source = await completedVideo({ title: `Welcome ${FAKE_MARKERS.gateway502} ${FAKE_MARKERS.noWebhook}` });
    const { status, body } = await translate(source.id);
    expect(status).toBe(201);
    const variantId = body.created[0].id;
    const unconfirmed = await reload(variantId);
    expect(unconfirmed).toMatchObject({ status: "PENDING", heygenVideoId: null });
    expect(unconfirmed.unconfirmedReason).toBeTruthy();
    const job = [...fakeHeygen.translations.values()].find((translation) => translation.callbackId === variantId)!;

    await age(variantId, 3);
    heygenRequests.length = 0;
    await reconcileDue();
    expect(heygenRequests).toContain("GET /v3/video-translations");
    expect(await reload(variantId)).toMatchObject({ status: "COMPLETED", heygenVideoId: job.videoId });
    expect(fakeHeygen.translations.size).toBe(1); // found, never sent again
  });
});

describe("a variant's media, and what refuses a variant", () => {
  const startWorker = queueWorkerPerTest(() =>
    import("@/server/media/copy/copy-worker").then((worker) => worker.startMediaCopyWorker()),
  );
  const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
  const sample = (file: string) => fs.readFile(path.resolve(import.meta.dirname, "../../src/mocks/heygen/media", file));

  it("copies a completed variant's MP4 and captions to our storage (no poster of its own)", async () => {
    const { variantId } = await variantOf();
    await deliver(replayDelivery(deliveryFor(variantId)));
    await startWorker();
    const row = await waitFor(
      () => reload(variantId),
      (video) => !!video.storedMedia,
      10_000,
    );
    const stored = parseStoredMedia(row.storedMedia)!;
    expect(stored.files.video!.sha256).toBe(sha256(await sample("sample.mp4")));
    expect(stored.files.srt!.sha256).toBe(sha256(await sample("sample.srt")));
    expect(stored.files.thumbnail).toBeUndefined();
  });

  it("deleting a source deletes its variants and their stored media, at HeyGen too when asked", async () => {
    const { source, variantId } = await variantOf();
    const translationId = (await reload(variantId)).heygenVideoId!;
    await db.video.update({ where: { id: variantId }, data: { status: "COMPLETED" } });
    await storeMedia(variantId);
    const variantDir = path.join(process.env.MEDIA_DIR!, "videos", variantId);
    expect((await fs.readdir(variantDir)).length).toBeGreaterThan(0);

    const request = new NextRequest(`${TEST_ENV.APP_URL}/api/admin/videos/${source.id}?heygen=true`, {
      method: "DELETE",
      headers: { cookie: await adminCookie(), origin: TEST_ENV.APP_URL },
    });
    expect((await deleteRoute(request, params(source.id))).status).toBe(200);
    expect(await db.video.count({ where: { id: { in: [source.id, variantId] } } })).toBe(0);
    expect(await fs.readdir(variantDir).catch(() => [])).toEqual([]);
    expect(heygenRequests).toContain(`DELETE /v3/video-translations/${translationId}`);
    expect(fakeHeygen.translations.size).toBe(0);
  });

  it("regenerate refuses a variant (409): a translation is asked for again on its source", async () => {
    const { variantId } = await variantOf();
    await db.video.update({ where: { id: variantId }, data: { status: "COMPLETED" } });
    const request = new NextRequest(`${TEST_ENV.APP_URL}/api/admin/videos/${variantId}/regenerate`, {
      method: "POST",
      headers: { cookie: await adminCookie() },
    });
    const response = await regenerateRoute(request, params(variantId));
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/translation/);
  });

  it("outgoing webhooks name a variant's source and language, and link to the source's page", async () => {
    const { source, variantId } = await variantOf();
    const payload = await buildPayload({
      type: "video.completed",
      videoId: variantId,
      batchId: null,
      occurredAt: new Date(),
    });
    expect(payload.data.video).toMatchObject({
      id: variantId,
      sourceVideoId: source.id,
      language: "Spanish (Spain)",
      url: expect.stringContaining(`/videos/${source.id}`),
    });
  });
});

describe("giving up on a translation", () => {
  it("fails a variant HeyGen no longer knows (404) once past the give-up age, and frees its language", async () => {
    noEventsHistory();
    const { variantId } = await variantOf(`Welcome ${FAKE_MARKERS.noWebhook}`);
    const translationId = (await reload(variantId)).heygenVideoId!;
    heygenServer.use(
      http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/video-translations/${translationId}`, () =>
        HttpResponse.json({ error: { code: "not_found", message: "not found", param: "id" } }, { status: 404 }),
      ),
    );
    await age(variantId, 5);
    await reconcileDue();
    expect((await reload(variantId)).status).toBe("PROCESSING"); // young yet: HeyGen may be slow to list it

    await age(variantId, 31);
    await reconcileDue();
    expect(await reload(variantId)).toMatchObject({ status: "FAILED", variantKey: null });
  });
});
