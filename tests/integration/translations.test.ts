import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { GET as languagesRoute } from "@/app/api/admin/translations/languages/route";
import { GET as listRoute, POST as translateRoute } from "@/app/api/admin/videos/[id]/translations/route";
import { FAKE_MARKERS } from "@/mocks/heygen/fake-heygen";
import { db } from "@/server/db";
import { completedVideo } from "../support/completed-video";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import { adminCookie, getRequest, jsonRequest } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { storeMedia } from "../support/stored-media";
import { CALLBACK_URL, TEST_ENV } from "../support/test-env";

const CREATE = "POST /v3/video-translations";
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function translate(id: string, body: unknown, init: { cookie?: string | null; bearer?: string } = {}) {
  const cookie = init.cookie === null ? undefined : (init.cookie ?? (await adminCookie()));
  const request = jsonRequest(`/api/admin/videos/${id}/translations`, body, { cookie });
  if (init.bearer) request.headers.set("authorization", `Bearer ${init.bearer}`);
  const response = await translateRoute(request, params(id));
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const translationOf = (variantId: string) =>
  [...fakeHeygen.translations.values()].find((job) => job.callbackId === variantId)!;
const creates = () => heygenRequests.filter((line) => line === CREATE).length;

describe("POST /api/admin/videos/[id]/translations", () => {
  it("records a variant per language and sends HeyGen one translation each, the request checked field by field", async () => {
    const source = await completedVideo({ title: "Welcome", visibility: "UNLISTED" });
    const { status, body } = await translate(source.id, { languages: ["Spanish (Spain)", "German (Germany)"] });

    expect(status).toBe(201);
    expect(body.skipped).toEqual([]);
    expect(body.created.map((variant: { language: string }) => variant.language)).toEqual([
      "Spanish (Spain)",
      "German (Germany)",
    ]);
    expect(body.created[0]).toMatchObject({ tag: "es-ES", status: "PROCESSING", mode: "speed", captions: true });
    expect(creates()).toBe(2);

    const spanish = body.created[0];
    const job = translationOf(spanish.id);
    // The source is not stored, and APP_URL is not https: HeyGen fetches its own (fresh) URL of the source.
    expect(job.request).toEqual({
      video: { type: "url", url: source.videoUrl },
      output_languages: ["Spanish (Spain)"],
      mode: "speed",
      title: "Welcome (Spanish (Spain))",
      callback_id: spanish.id,
      callback_url: CALLBACK_URL,
      enable_caption: true,
    });
    expect(job.idempotencyKey).toBe(spanish.id);

    const row = await db.video.findUniqueOrThrow({ where: { id: spanish.id } });
    expect(row).toMatchObject({
      sourceVideoId: source.id,
      language: "Spanish (Spain)",
      variantKey: `${source.id}:Spanish (Spain)`,
      heygenVideoId: job.videoId,
      status: "PROCESSING",
      title: "Welcome (Spanish (Spain))",
      script: source.script,
      avatarId: source.avatarId,
      aspectRatio: source.aspectRatio,
      resolution: source.resolution,
      visibility: "UNLISTED",
      options: { mode: "speed", captions: true },
    });
  });

  it("sends the mode and captions asked for", async () => {
    const source = await completedVideo();
    const { body } = await translate(source.id, { languages: ["Hindi (India)"], mode: "precision", captions: false });
    expect(translationOf(body.created[0].id).request).toMatchObject({ mode: "precision", enable_caption: false });
    expect(body.created[0]).toMatchObject({ mode: "precision", captions: false, tag: "hi-IN" });
  });

  it("makes nothing new for a language already on its way or made: 200, skipped with the variant, no HeyGen create", async () => {
    const source = await completedVideo();
    const first = await translate(source.id, { languages: ["French (France)", "Japanese (Japan)"] });
    const [french, japanese] = first.body.created;
    await db.video.update({ where: { id: japanese.id }, data: { status: "COMPLETED", completedAt: new Date() } });
    heygenRequests.length = 0;

    const again = await translate(source.id, { languages: ["French (France)", "Japanese (Japan)", "French (France)"] });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      created: [],
      skipped: [
        { language: "French (France)", reason: "under_way", videoId: french.id },
        { language: "Japanese (Japan)", reason: "done", videoId: japanese.id },
      ],
    });
    expect(creates()).toBe(0);
    expect(fakeHeygen.translations.size).toBe(2);
    expect(await db.video.count({ where: { sourceVideoId: source.id } })).toBe(2);
  });

  it("makes a new variant when the language's last one failed (a retry)", async () => {
    const source = await completedVideo();
    const first = await translate(source.id, { languages: ["Spanish (Mexico)"] });
    await db.video.update({ where: { id: first.body.created[0].id }, data: { status: "FAILED", error: "gone" } });

    const retry = await translate(source.id, { languages: ["Spanish (Mexico)"] });
    expect(retry.status).toBe(201);
    expect(retry.body.created[0].id).not.toBe(first.body.created[0].id);
    expect(fakeHeygen.translations.size).toBe(2);
  });

  it("refuses a language HeyGen does not offer: 400 naming languages, nothing recorded or sent", async () => {
    const source = await completedVideo();
    const { status, body } = await translate(source.id, { languages: ["Spanish (Spain)", "Klingon"] });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_input", field: "languages" });
    expect(body.error.message).toContain("Klingon");
    expect(creates()).toBe(0);
    expect(await db.video.count({ where: { sourceVideoId: source.id } })).toBe(0);
  });

  it.each([
    [{ languages: [] }, "languages"],
    [{ languages: ["English"], mode: "fast" }, "mode"],
    [{ languages: ["English"], captions: "yes" }, "captions"],
  ])("answers 400 naming the field for %j", async (input, field) => {
    const source = await completedVideo();
    const { status, body } = await translate(source.id, input);
    expect(status).toBe(400);
    expect(body.error.field).toBe(field);
  });

  it("answers 404 for an unknown video, 409 for a variant or an unfinished video, 401 without a session", async () => {
    expect((await translate("c".repeat(24), { languages: ["English"] })).status).toBe(404);
    expect((await translate("../etc", { languages: ["English"] })).status).toBe(404);

    const rendering = await completedVideo({ status: "PROCESSING", completedAt: null });
    const unfinished = await translate(rendering.id, { languages: ["English"] });
    expect(unfinished.status).toBe(409);
    expect(unfinished.body.error.message).toMatch(/not finished/);

    const source = await completedVideo();
    const { body } = await translate(source.id, { languages: ["English"] });
    const ofVariant = await translate(body.created[0].id, { languages: ["German"] });
    expect(ofVariant.status).toBe(409);
    expect(ofVariant.body.error.message).toMatch(/is a translation/);

    expect((await translate(source.id, { languages: ["German"] }, { cookie: null })).status).toBe(401);
    expect(creates()).toBe(1);
  });

  it("takes ADMIN_API_TOKEN as a bearer token", async () => {
    const token = "a-translation-job-token-of-32-characters!";
    vi.stubEnv("ADMIN_API_TOKEN", token);
    await restartProcess();
    const source = await completedVideo();
    expect((await translate(source.id, { languages: ["English"] }, { cookie: null, bearer: token })).status).toBe(201);
    expect(
      (await translate(source.id, { languages: ["German"] }, { cookie: null, bearer: "x".repeat(40) })).status,
    ).toBe(401);
  });

  it.each([
    ["out of credits", FAKE_MARKERS.insufficientCredit, 402, "heygen_no_credits", null],
    ["rate limiting", FAKE_MARKERS.rateLimited, 429, "heygen_rate_limited", "30"],
  ])("answers HeyGen %s as a create does, leaving no variant", async (_, marker, status, code, retryAfter) => {
    const source = await completedVideo({ title: `Welcome ${marker}` });
    const answer = await translate(source.id, { languages: ["Spanish (Spain)"] });
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(answer.headers.get("retry-after")).toBe(retryAfter);
    expect(await db.video.count({ where: { sourceVideoId: source.id } })).toBe(0);
    expect(fakeHeygen.translations.size).toBe(0);
  });

  it("puts HeyGen's refusal of an output language on the languages field, in HeyGen's words", async () => {
    heygenServer.use(
      http.post(`${TEST_ENV.HEYGEN_API_URL}/v3/video-translations`, () =>
        HttpResponse.json(
          {
            error: {
              code: "invalid_parameter",
              message: "output_languages is invalid: Hindi (India) is not available for this voice",
              param: "output_languages",
            },
          },
          { status: 400 },
        ),
      ),
    );
    const source = await completedVideo();
    const answer = await translate(source.id, { languages: ["Hindi (India)"] });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: "heygen_invalid_input", field: "languages" });
    expect(answer.body.error.message).toContain("Hindi (India) is not available for this voice");
    expect(await db.video.count({ where: { sourceVideoId: source.id } })).toBe(0);
  });
});

describe("the source URL HeyGen fetches", () => {
  const sentUrl = async (sourceId: string) => {
    const { body } = await translate(sourceId, { languages: ["English"] });
    return (translationOf(body.created[0].id).request.video as { url: string }).url;
  };

  it("is our stable /media URL when the copy is stored, viewers may see the source and APP_URL is https", async () => {
    vi.stubEnv("APP_URL", "https://videos.example.com");
    await restartProcess();
    const source = await completedVideo({ visibility: "PUBLIC" });
    const stored = await storeMedia(source.id);
    expect(await sentUrl(source.id)).toBe(
      `https://videos.example.com/media/${source.id}/${stored.files.video!.sha256.slice(0, 8)}.mp4`,
    );
  });

  it("is HeyGen's URL of the source when viewers may not see it (the /media route would refuse HeyGen)", async () => {
    vi.stubEnv("APP_URL", "https://videos.example.com");
    await restartProcess();
    const source = await completedVideo({ visibility: "PRIVATE" });
    await storeMedia(source.id);
    expect(await sentUrl(source.id)).toBe(source.videoUrl);
  });

  it("is HeyGen's URL, renewed through the sync path first, when the one stored expires within the hour", async () => {
    const source = await completedVideo({ mediaExpiresAt: new Date(Date.now() + 60_000) });
    const url = await sentUrl(source.id);
    expect(heygenRequests).toContain(`GET /v3/videos/${source.heygenVideoId}`);
    const renewed = await db.video.findUniqueOrThrow({ where: { id: source.id } });
    expect(url).toBe(renewed.videoUrl);
    expect(renewed.mediaExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000);
  });
});

describe("GET /api/admin/videos/[id]/translations and /api/admin/translations/languages", () => {
  it("lists a source's variants by language", async () => {
    const cookie = await adminCookie();
    const source = await completedVideo();
    await translate(source.id, { languages: ["German (Germany)", "Arabic (Saudi Arabia)"] }, { cookie });
    const response = await listRoute(
      getRequest(`/api/admin/videos/${source.id}/translations`, cookie),
      params(source.id),
    );
    expect(response.status).toBe(200);
    const { variants } = await response.json();
    expect(variants.map((variant: { language: string; tag: string }) => [variant.language, variant.tag])).toEqual([
      ["Arabic (Saudi Arabia)", "ar-SA"],
      ["German (Germany)", "de-DE"],
    ]);
    const unknown = await listRoute(
      getRequest(`/api/admin/videos/${"d".repeat(24)}/translations`, cookie),
      params("x"),
    );
    expect(unknown.status).toBe(404);
  });

  it("answers HeyGen's languages with their tags, asking HeyGen once per five minutes unless reload=1", async () => {
    const cookie = await adminCookie();
    const ask = async (query = "") =>
      (await languagesRoute(getRequest(`/api/admin/translations/languages${query}`, cookie))).json();
    const first = await ask("?reload=1");
    expect(first.languages).toContainEqual({ name: "Spanish (Mexico)", tag: "es-MX" });
    expect(first.languages).toContainEqual({ name: "English", tag: "en" });
    await ask();
    const asked = () => heygenRequests.filter((line) => line === "GET /v3/video-translations/languages").length;
    expect(asked()).toBe(1);
    await ask("?reload=1");
    expect(asked()).toBe(2);
    expect((await languagesRoute(getRequest("/api/admin/translations/languages"))).status).toBe(401);
  });
});
