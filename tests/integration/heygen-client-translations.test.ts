import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { createFakeHeygen } from "@/mocks/heygen/fake-heygen";
import { createHeygenClient } from "@/server/heygen/client";
import { classifyHeygenFailure } from "@/server/heygen/failures";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import { TEST_ENV } from "../support/test-env";

const heygen = createHeygenClient({ apiUrl: TEST_ENV.HEYGEN_API_URL, apiKey: TEST_ENV.HEYGEN_API_KEY, timeoutMs: 500 });
const api = (path: string) => `${TEST_ENV.HEYGEN_API_URL}${path}`;
const request = {
  videoUrl: `${TEST_ENV.HEYGEN_API_URL}/media/source.mp4`,
  outputLanguages: ["Spanish (Spain)"],
  mode: "speed",
  title: "Welcome (Spanish (Spain))",
  callbackId: "variant-1",
  enableCaption: true,
} as const;

describe("HeyGen v3 client: video translations", () => {
  it("creates a translation with an Idempotency-Key and reads it back as a HeyGen video", async () => {
    const { translationIds } = await heygen.createTranslation(request);
    const job = fakeHeygen.translations.get(translationIds[0]!)!;
    expect(job.idempotencyKey).toBe("variant-1");
    const translation = await heygen.getTranslation(translationIds[0]!);
    expect(translation).toMatchObject({
      id: translationIds[0],
      state: "COMPLETED",
      duration: 5,
      thumbnailUrl: null,
      outputLanguage: "Spanish (Spain)",
      callbackId: "variant-1",
    });
    expect(translation.subtitleUrl).toMatch(/\.srt\?/);
    expect(translation.vttCaptionUrl).toMatch(/\.vtt\?/);
    expect(await heygen.listTranslationLanguages()).toContain("Hindi (India)");
  });

  it("reads `running` as processing and accepts the shapes HeyGen's text leaves unconfirmed", async () => {
    heygenServer.use(
      http.post(api("/v3/video-translations"), () => HttpResponse.json({ data: { video_translate_ids: ["t1"] } })),
      http.get(api("/v3/video-translations/t1"), () =>
        HttpResponse.json({ data: { video_translation_id: "t1", status: "running" } }),
      ),
      http.get(api("/v3/video-translations/languages"), () => HttpResponse.json({ data: ["English", " German "] })),
    );
    expect(await heygen.createTranslation(request)).toEqual({ translationIds: ["t1"] });
    expect(await heygen.getTranslation("t1")).toMatchObject({ id: "t1", state: "PROCESSING", videoUrl: null });
    expect(await heygen.listTranslationLanguages()).toEqual(["English", "German"]);
  });

  it("finds a lost create's translations by callback_id across pages, and deletes one (a second delete: not_found)", async () => {
    const baseUrl = "https://paged.heygen.test";
    const paged = createFakeHeygen({ baseUrl, apiKey: "k", maxPageSize: 2, renderMs: 0, deliverWebhooks: false });
    heygenServer.use(...paged.handlers);
    const client = createHeygenClient({ apiUrl: baseUrl, apiKey: "k", timeoutMs: 500 });
    const ours = await client.createTranslation({ ...request, videoUrl: `${baseUrl}/media/a.mp4` });
    for (const callbackId of ["other-1", "other-2", "other-3"]) {
      await client.createTranslation({ ...request, videoUrl: `${baseUrl}/media/a.mp4`, callbackId });
    }
    const found = await client.findTranslationsByCallbackId("variant-1");
    expect(found.map((translation) => translation.id)).toEqual(ours.translationIds);

    expect(await client.deleteTranslation(ours.translationIds[0]!)).toBe("deleted");
    expect(await client.deleteTranslation(ours.translationIds[0]!)).toBe("not_found");
    paged.close();
  });

  it("sends one create on a gateway's 502 (never resent: it may exist) and classifies it as unavailable", async () => {
    heygenServer.use(
      http.post(api("/v3/video-translations"), () => new HttpResponse("<html>Bad Gateway</html>", { status: 502 })),
    );
    const error = await heygen.createTranslation(request).catch((e: unknown) => e);
    expect(classifyHeygenFailure(error)).toMatchObject({ kind: "unavailable", definite: false });
    expect(heygenRequests.filter((line) => line === "POST /v3/video-translations")).toHaveLength(1);
  });
});
