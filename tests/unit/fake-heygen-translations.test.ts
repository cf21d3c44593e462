import { createHmac } from "node:crypto";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createFakeHeygen, FAKE_MARKERS, FAKE_TRANSLATION_LANGUAGES } from "@/mocks/heygen/fake-heygen";

// The fake's video translations, in-process as the app's tests mount them.
const BASE = "https://api.heygen.com";
const RENDER_MS = 1000;
const SUBSCRIBED = { url: "https://app.example.com/api/heygen/callback", secret: "whsec_translations" };
const VIDEOS_ONLY = { url: "https://other.example.com/hook", secret: "whsec_other" };
const fake = createFakeHeygen({
  baseUrl: BASE,
  apiKey: "k",
  renderMs: RENDER_MS,
  deliverWebhooks: false,
  maxPageSize: 2,
  endpoints: [
    { ...SUBSCRIBED, events: ["video_translate.success", "video_translate.fail"] },
    { ...VIDEOS_ONLY, events: ["avatar_video.success", "avatar_video.fail"] },
  ],
});
const server = setupServer(...fake.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  vi.useRealTimers();
  fake.reset();
});
afterAll(() => {
  server.close();
  fake.close();
});

const call = (path: string, init: RequestInit = {}) =>
  fetch(`${BASE}${path}`, { ...init, headers: { "x-api-key": "k", "content-type": "application/json" } });
const body = (overrides: Record<string, unknown> = {}) => ({
  video: { type: "url", url: "https://cdn.example.com/source.mp4" },
  output_languages: ["Spanish (Spain)"],
  title: "Welcome (Spanish (Spain))",
  callback_id: "variant-1",
  callback_url: "https://app.example.com/api/heygen/callback?job=1",
  enable_caption: true,
  ...overrides,
});
const post = (overrides: Record<string, unknown> = {}) =>
  call("/v3/video-translations", { method: "POST", body: JSON.stringify(body(overrides)) });
const create = async (overrides: Record<string, unknown> = {}) => {
  const response = await post(overrides);
  expect(response.status).toBe(200);
  return (await response.json()).data.video_translation_ids as string[];
};
const getTranslation = async (id: string) => (await (await call(`/v3/video-translations/${id}`)).json()).data;

function freezeClock() {
  vi.useFakeTimers({ toFake: ["Date"] });
  const start = Date.now();
  return (ms: number) => vi.setSystemTime(start + ms);
}

describe("the fake's video translations", () => {
  it("lists HeyGen's language names", async () => {
    const answer = await (await call("/v3/video-translations/languages")).json();
    expect(answer.data.languages).toEqual([...FAKE_TRANSLATION_LANGUAGES]);
    expect(answer.data.languages).toEqual(expect.arrayContaining(["English", "Spanish (Mexico)", "Hindi (India)"]));
  });

  it.each([
    ["an http URL elsewhere", { video: { type: "url", url: "http://cdn.example.com/a.mp4" } }, "video.url", "https"],
    ["no language", { output_languages: [] }, "output_languages", "at least one"],
    ["a language HeyGen does not offer", { output_languages: ["English", "Klingon"] }, "output_languages", "Klingon"],
    ["an unknown mode", { mode: "fast" }, "mode", "speed"],
    ["a field HeyGen does not define", { voice_id: "x" }, "voice_id", "unknown field"],
  ])("refuses %s with a 400 naming the parameter, and makes nothing", async (_, overrides, param, says) => {
    const response = await post(overrides);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: "invalid_parameter", param });
    expect(error.message).toContain(param);
    expect(error.message).toContain(says);
    expect(fake.translations.size).toBe(0);
  });

  it("accepts a URL on its own origin (a fresh HeyGen URL of the source), even over http", async () => {
    const local = createFakeHeygen({ baseUrl: "http://127.0.0.1:4999", apiKey: "k", deliverWebhooks: false });
    server.use(...local.handlers);
    const answer = await fetch("http://127.0.0.1:4999/v3/video-translations", {
      method: "POST",
      headers: { "x-api-key": "k", "content-type": "application/json" },
      body: JSON.stringify(body({ video: { type: "url", url: "http://127.0.0.1:4999/media/source.mp4" } })),
    });
    expect(answer.status).toBe(200);
    expect(local.translations.size).toBe(1);
    server.resetHandlers();
    local.close();
  });

  it("makes one translation per language, which renders pending → running → completed with captions in SRT and VTT", async () => {
    const at = freezeClock();
    const ids = await create({ output_languages: ["Spanish (Spain)", "German (Germany)"], mode: "precision" });
    expect(ids).toHaveLength(2);
    expect([...fake.translations.values()].map((job) => [job.outputLanguage, job.mode, job.callbackId])).toEqual([
      ["Spanish (Spain)", "precision", "variant-1"],
      ["German (Germany)", "precision", "variant-1"],
    ]);
    expect((await getTranslation(ids[0]!)).status).toBe("pending");
    at(RENDER_MS / 5);
    expect((await getTranslation(ids[0]!)).status).toBe("running");
    at(RENDER_MS);
    const done = await getTranslation(ids[1]!);
    expect(done).toMatchObject({ status: "completed", output_language: "German (Germany)", duration: 5 });
    for (const [url, type] of [
      [done.video_url, "video/mp4"],
      [done.srt_caption_url, "application/x-subrip"],
      [done.vtt_caption_url, "text/vtt"],
    ]) {
      const file = await fetch(url);
      expect(file.headers.get("content-type")).toBe(type);
    }
    expect(await (await fetch(done.vtt_caption_url)).text()).toMatch(/^WEBVTT/);
  });

  it("leaves the captions out unless asked for", async () => {
    const at = freezeClock();
    const [id] = await create({ enable_caption: false });
    at(RENDER_MS);
    expect(await getTranslation(id!)).toMatchObject({
      status: "completed",
      srt_caption_url: null,
      vtt_caption_url: null,
    });
  });

  it("delivers video_translate.success signed to subscribed endpoints only, and unsigned to callback_url", async () => {
    const at = freezeClock();
    const [id] = await create();
    at(RENDER_MS);
    await getTranslation(id!); // settles the clock
    const deliveries = fake.outbox.filter((delivery) => delivery.videoId === id);
    expect(deliveries.map((delivery) => [delivery.url, delivery.kind])).toEqual([
      [SUBSCRIBED.url, "v3"],
      [body().callback_url, "callback"],
    ]);
    const [signed, unsigned] = deliveries;
    const expected = createHmac("sha256", SUBSCRIBED.secret).update(signed!.body).digest("hex");
    expect(signed!.headers["heygen-signature"]).toBe(expected);
    expect(unsigned!.headers["heygen-signature"]).toBeUndefined();
    expect(JSON.parse(signed!.body)).toMatchObject({
      event_type: "video_translate.success",
      event_data: { video_translate_id: id, callback_id: "variant-1", output_language: "Spanish (Spain)" },
    });
  });

  it("fails a translation whose title carries [fail], with a video_translate.fail event", async () => {
    const at = freezeClock();
    const [id] = await create({ title: `Broken ${FAKE_MARKERS.fail} (Spanish (Spain))` });
    at(RENDER_MS);
    expect(await getTranslation(id!)).toMatchObject({ status: "failed", video_url: null });
    expect((await getTranslation(id!)).failure_message).toBeTruthy();
    expect(JSON.parse(fake.outbox[0]!.body).event_type).toBe("video_translate.fail");
  });

  it("records [no-webhook]'s event in the history but delivers nothing", async () => {
    const at = freezeClock();
    const [id] = await create({ title: `Quiet ${FAKE_MARKERS.noWebhook}` });
    at(RENDER_MS);
    await getTranslation(id!);
    expect(fake.outbox).toHaveLength(0);
    const history = await (await call("/v3/webhooks/events?event_type=video_translate.success")).json();
    expect(
      history.data.map((event: { event_data: { video_translate_id: string } }) => event.event_data.video_translate_id),
    ).toEqual([id]);
  });

  it.each([
    [FAKE_MARKERS.insufficientCredit, 402, null],
    [FAKE_MARKERS.rateLimited, 429, "30"],
  ])("refuses a create whose title carries %s with %i, making nothing", async (marker, status, retryAfter) => {
    const response = await post({ title: `Refused ${marker}` });
    expect(response.status).toBe(status);
    expect(response.headers.get("retry-after")).toBe(retryAfter);
    expect(fake.translations.size).toBe(0);
  });

  it("lists translations newest first by next_token, answers many statuses, and deletes one", async () => {
    const at = freezeClock();
    const ids = await create({ output_languages: ["English", "French", "German"] });
    at(RENDER_MS);
    const first = await (await call("/v3/video-translations")).json();
    expect(first.data.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    const second = await (await call(`/v3/video-translations?token=${first.next_token}`)).json();
    expect(second.data.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    expect(second.has_more).toBe(false);

    const statuses = await (await call(`/v3/video-translations/statuses?video_translation_ids=${ids[0]},nope`)).json();
    expect(statuses.data).toEqual([
      { video_translation_id: ids[0], status: "completed", failure_message: null },
      { video_translation_id: "nope", status: "not_found", failure_message: null },
    ]);

    expect((await call(`/v3/video-translations/${ids[0]}`, { method: "DELETE" })).status).toBe(200);
    expect((await call(`/v3/video-translations/${ids[0]}`)).status).toBe(404);
  });
});
