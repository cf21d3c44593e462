import { createHmac } from "node:crypto";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createFakeHeygen, FAKE_IDS, FAKE_MARKERS, fakeLooks } from "@/mocks/heygen/fake-heygen";

// The handlers mounted in-process, the way the app's tests use them: no network, MSW refuses anything unhandled.
const BASE = "https://api.heygen.com";
const RENDER_MS = 1000;
const ENDPOINT = { url: "https://app.example.com/api/heygen/webhook", secret: "whsec_test-secret" };
const fake = createFakeHeygen({
  baseUrl: BASE,
  apiKey: "k",
  renderMs: RENDER_MS,
  deliverWebhooks: false,
  endpoints: [ENDPOINT],
});

const unhandled: string[] = [];
const server = setupServer(...fake.handlers);

beforeAll(() =>
  server.listen({
    onUnhandledRequest(request, print) {
      unhandled.push(`${request.method} ${request.url}`);
      print.error();
    },
  }),
);
afterEach(() => {
  vi.useRealTimers();
  fake.reset();
  server.resetHandlers();
  unhandled.length = 0;
});
afterAll(() => {
  server.close();
  fake.close();
});

const headers = { "x-api-key": "k", "content-type": "application/json" };
const call = (path: string, init: RequestInit = {}, base = BASE) =>
  fetch(`${base}${path}`, { ...init, headers: { ...headers, ...init.headers } });
const body = (overrides: Record<string, unknown> = {}) => ({
  type: "avatar",
  avatar_id: FAKE_IDS.looks.landscape,
  script: "Hello from the in-process tests.",
  voice_id: FAKE_IDS.voices.christopher,
  ...overrides,
});
const post = (overrides: Record<string, unknown> = {}, init: RequestInit = {}, base = BASE) =>
  call("/v3/videos", { method: "POST", body: JSON.stringify(body(overrides)), ...init }, base);
const create = async (overrides: Record<string, unknown> = {}) => {
  const response = await post(overrides);
  expect(response.status).toBe(200);
  return (await response.json()).data.video_id as string;
};
const getVideo = async (videoId: string) => (await (await call(`/v3/videos/${videoId}`)).json()).data;

/** Moves only `Date` (the fake's clock); timers stay real, and every API call settles what the clock says is due. */
function freezeClock() {
  vi.useFakeTimers({ toFake: ["Date"] });
  const start = Date.now();
  return (ms: number) => vi.setSystemTime(start + ms);
}

describe("videos", () => {
  it("goes pending, then processing, then completed as time passes, with media URLs signed afresh on every call", async () => {
    const at = freezeClock();
    const videoId = await create({ title: "Timeline" });
    expect((await getVideo(videoId)).status).toBe("pending");
    at(RENDER_MS / 5 - 1);
    expect((await getVideo(videoId)).status).toBe("pending");
    at(RENDER_MS / 5);
    expect((await getVideo(videoId)).status).toBe("processing");
    at(RENDER_MS - 1);
    expect((await getVideo(videoId)).video_url).toBeNull();
    at(RENDER_MS);
    const done = await getVideo(videoId);
    expect(done).toMatchObject({
      status: "completed",
      duration: 5,
      title: "Timeline",
      completed_at: expect.any(Number),
    });
    at(RENDER_MS + 3_600_000);
    const later = await getVideo(videoId);
    const expires = (url: string) => Number(new URL(url).searchParams.get("Expires"));
    expect(expires(later.video_url) - expires(done.video_url)).toBe(3600);
    expect(expires(later.subtitle_url) - expires(done.subtitle_url)).toBe(3600);
  });

  it("validates the create strictly, from HeyGen's schema", async () => {
    const refused: Array<[Record<string, unknown>, string]> = [
      [{ unknown_field: 1 }, "unknown_field"],
      [{ voice_settings: { speed: 1, emotion: "Excited" } }, "voice_settings.emotion"],
      [{ aspect_ratio: "3:2" }, "aspect_ratio"],
      [{ resolution: "1440p" }, "resolution"],
      [{ background: { type: "color", value: "white" } }, "background.value"],
      [{ background: { type: "image", url: "https://example.com/a.png", asset_id: "x" } }, "background"],
      [{ voice_settings: { speed: 2 } }, "voice_settings.speed"],
      [{ voice_settings: { speed: 1.51 } }, "voice_settings.speed"],
      [{ voice_settings: { speed: 0.49 } }, "voice_settings.speed"],
      [{ voice_settings: { pitch: 51 } }, "voice_settings.pitch"],
      [{ voice_settings: { pitch: -51 } }, "voice_settings.pitch"],
      [{ voice_settings: { locale: "english" } }, "voice_settings.locale"],
      [{ caption: { file_format: "vtt" } }, "caption.file_format"],
      [{ output_format: "mov" }, "output_format"],
      [{ callback_url: "not a url" }, "callback_url"],
      [{ script: "   " }, "script"],
      [{ script: "x".repeat(5000) }, "script"],
      [{ script: null }, "script"],
      [{ audio_url: "https://example.com/a.mp3" }, "audio_url"],
      [{ avatar_id: undefined }, "avatar_id"],
      [{ type: "image" }, "type"],
      [{ expressiveness: "high" }, "expressiveness"],
    ];
    for (const [overrides, param] of refused) {
      const response = await post(overrides);
      const { error } = await response.json();
      expect({ overrides, status: response.status, error }).toEqual({
        overrides,
        status: 400,
        error: {
          code: "invalid_parameter",
          message: expect.stringMatching(new RegExp(`^${param.replace(/[.[\]]/g, "\\$&")} is invalid: `)),
          param,
          doc_url: null,
        },
      });
    }
    const imageType = await (await post({ type: "image" })).json();
    expect(imageType.error.message).toMatch(/supports only type "avatar"/);
    expect(fake.jobs.size).toBe(0);

    expect((await post({ script: "x".repeat(4999) })).status).toBe(200);
    // HeyGen's documented ranges, ends included: speed 0.5 to 1.5, pitch -50 to +50.
    expect((await post({ voice_settings: { speed: 0.5, pitch: -50 } })).status).toBe(200);
    expect((await post({ voice_settings: { speed: 1.5, pitch: 50 } })).status).toBe(200);
    const nulls = {
      title: null,
      aspect_ratio: null,
      resolution: null,
      background: null,
      voice_settings: null,
      caption: null,
      engine: null,
      callback_url: null,
      callback_id: null,
    };
    expect((await post(nulls)).status).toBe(200);
    const full = {
      title: "All fields",
      aspect_ratio: "9:16",
      resolution: "1080p",
      background: { type: "image", asset_id: "asset-1" },
      voice_settings: {
        speed: 1.2,
        pitch: -5,
        volume: 0.8,
        locale: "en-US",
        engine_settings: { engine_type: "elevenlabs", stability: 0.5 },
      },
      caption: { file_format: "srt", style: "default" },
      engine: { type: "avatar_v" },
      motion_prompt: "Wave at the start",
      remove_background: false,
      fit: "cover",
      callback_id: "ours",
      callback_url: "http://localhost:3000/api/heygen/webhook",
      avatar_id: FAKE_IDS.looks.portrait,
      voice_id: FAKE_IDS.voices.sara,
    };
    expect((await post(full)).status).toBe(200);
    expect([...fake.jobs.values()].at(-1)).toMatchObject({ aspectRatio: "9:16", resolution: "1080p", captioned: true });
  });

  it("refuses unknown looks and voices, uses the look's default voice, and checks the look's engines", async () => {
    const unknownLook = await (await post({ avatar_id: "nobody" })).json();
    expect(unknownLook.error).toMatchObject({ code: "avatar_not_found", param: "avatar_id" });
    const unknownVoice = await (await post({ voice_id: "nobody" })).json();
    expect(unknownVoice.error).toMatchObject({ code: "voice_not_found", param: "voice_id" });

    const videoId = await create({ voice_id: undefined, avatar_id: FAKE_IDS.looks.brandon });
    expect(fake.jobs.get(videoId)).toMatchObject({
      lookId: FAKE_IDS.looks.brandon,
      voiceId: FAKE_IDS.voices.christopher,
    });

    const noDefault = await post({ voice_id: undefined, avatar_id: FAKE_IDS.looks.photoNoDefaultVoice });
    expect(noDefault.status).toBe(400);
    expect((await noDefault.json()).error.param).toBe("voice_id");

    const square = fakeLooks.find((look) => look.id === FAKE_IDS.looks.square)!;
    expect(square.supported_api_engines).not.toContain("avatar_v");
    const engine = await post({ avatar_id: square.id, engine: { type: "avatar_v" } });
    expect(engine.status).toBe(400);
    expect((await engine.json()).error.param).toBe("engine.type");
    expect(fake.jobs.size).toBe(1);
  });

  it("keeps the request exactly as received and records Idempotency-Key without deduplicating on it", async () => {
    const sent = body({ title: "Same key", callback_id: "ours-7" });
    const twice = [1, 2].map(() =>
      call("/v3/videos", { method: "POST", body: JSON.stringify(sent), headers: { "Idempotency-Key": "our-video-7" } }),
    );
    const ids = await Promise.all(twice.map(async (response) => (await (await response).json()).data.video_id));
    expect(new Set(ids).size).toBe(2);
    for (const id of ids)
      expect(fake.jobs.get(id)).toMatchObject({ idempotencyKey: "our-video-7", request: sent, callbackId: "ours-7" });
  });

  it("answers 402 and 429 (with Retry-After) without creating a job", async () => {
    const credit = await post({ script: `Hi ${FAKE_MARKERS.insufficientCredit}` });
    expect(credit.status).toBe(402);
    expect((await credit.json()).error).toMatchObject({
      code: "insufficient_credit",
      message: expect.stringMatching(/^Insufficient credits/),
    });
    const limited = await post({ script: `Hi ${FAKE_MARKERS.rateLimited}` });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
    expect((await limited.json()).error.code).toBe("rate_limit_exceeded");
    expect(fake.jobs.size).toBe(0);
  });

  it("fails a render containing [fail], and fails renders once the credits run out", async () => {
    const at = freezeClock();
    const failed = await create({ script: `Do ${FAKE_MARKERS.fail}` });
    at(RENDER_MS);
    expect(await getVideo(failed)).toMatchObject({
      status: "failed",
      video_url: null,
      failure_code: "RENDER_FAILED",
      failure_message: "Video rendering failed",
    });

    const poor = createFakeHeygen({
      baseUrl: "https://poor.heygen.test",
      apiKey: "k",
      renderMs: 0,
      initialCredits: 1,
      deliverWebhooks: false,
    });
    server.use(...poor.handlers);
    expect((await post({}, {}, "https://poor.heygen.test")).status).toBe(200);
    const second = await post({}, {}, "https://poor.heygen.test");
    expect(second.status).toBe(200); // HeyGen accepts it, then the render fails
    const { video_id } = (await second.json()).data;
    const status = await (await call(`/v3/videos/${video_id}`, {}, "https://poor.heygen.test")).json();
    expect(status.data).toMatchObject({ status: "failed", failure_code: "MOVIO_PAYMENT_INSUFFICIENT_CREDIT" });
    expect(poor.credits.remaining).toBe(0);
  });

  it("answers a [hang] create with a gateway 504 after hangMs, the job created", async () => {
    const bounded = createFakeHeygen({
      baseUrl: "https://hang.heygen.test",
      apiKey: "k",
      renderMs: 0,
      hangMs: 50,
      deliverWebhooks: false,
    });
    server.use(...bounded.handlers);
    const response = await post({ script: `Wait ${FAKE_MARKERS.hang}` }, {}, "https://hang.heygen.test");
    expect(response.status).toBe(504);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(bounded.jobs.size).toBe(1);
  });

  it("reports bulk statuses, not_found for unknown ids, and refuses more than 100 ids", async () => {
    const at = freezeClock();
    const done = await create();
    const failed = await create({ script: FAKE_MARKERS.fail });
    at(RENDER_MS);
    const queued = await create();
    const response = await call(`/v3/videos/statuses?video_ids=${done},${failed},${queued},nope`);
    expect(await response.json()).toEqual({
      data: [
        { video_id: done, status: "completed", error: null },
        { video_id: failed, status: "failed", error: { code: "RENDER_FAILED", message: "Video rendering failed" } },
        { video_id: queued, status: "queued", error: null },
        { video_id: "nope", status: "not_found", error: null },
      ],
      has_more: false,
      next_token: null,
    });
    const tooMany = await call(
      `/v3/videos/statuses?video_ids=${Array.from({ length: 101 }, (_, i) => `v${i}`).join(",")}`,
    );
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.param).toBe("video_ids");
    expect(
      (await call(`/v3/videos/statuses?video_ids=${Array.from({ length: 100 }, (_, i) => `v${i}`).join(",")}`)).status,
    ).toBe(200);
  });

  it("lists videos newest first by title, deletes them, and 404s unknown ones", async () => {
    const first = await create({ title: "Alpha one" });
    const second = await create({ title: "Alpha two" });
    await create({ title: "Beta" });
    const list = await (await call("/v3/videos?title=alpha")).json();
    expect(list.data.map((video: { id: string }) => video.id)).toEqual([second, first]);

    const deleted = await call(`/v3/videos/${first}`, { method: "DELETE" });
    expect(await deleted.json()).toEqual({ data: { id: first, deleted: true } });
    for (const request of [call(`/v3/videos/${first}`), call(`/v3/videos/${first}`, { method: "DELETE" })]) {
      const response = await request;
      expect(response.status).toBe(404);
      expect((await response.json()).error).toMatchObject({ code: "not_found", param: "video_id" });
    }
  });
});

describe("deliveries off: the outbox", () => {
  it("keeps every delivery HeyGen would send, signed for endpoints and unsigned for callback_url, without any request", async () => {
    const at = freezeClock();
    const videoId = await create({ callback_id: "ours", callback_url: "https://app.example.com/api/heygen/callback" });
    expect(fake.outbox).toEqual([]);
    at(RENDER_MS);
    const [signed, unsigned, ...more] = fake.outbox;
    expect(more).toEqual([]);
    expect(signed).toMatchObject({ url: ENDPOINT.url, kind: "v3", videoId });
    expect(signed!.headers["heygen-signature"]).toBe(
      createHmac("sha256", ENDPOINT.secret).update(signed!.body).digest("hex"),
    );
    expect(signed!.headers["heygen-event-id"]).toBe(JSON.parse(signed!.body).event_id);
    expect(unsigned).toEqual({
      ...signed,
      url: "https://app.example.com/api/heygen/callback",
      kind: "callback",
      headers: { "content-type": "application/json" },
    });
    expect(JSON.parse(signed!.body)).toMatchObject({
      event_type: "avatar_video.success",
      event_data: { video_id: videoId, callback_id: "ours" },
    });
    expect(fake.events.map((event) => event.event_id)).toEqual([JSON.parse(signed!.body).event_id]);
    expect(unhandled).toEqual([]); // nothing went over the (mocked) network
  });

  it("holds [late-webhook] deliveries for 3 × renderMs, at least 1 s, after the render", async () => {
    const at = freezeClock();
    await create({ script: `Late ${FAKE_MARKERS.lateWebhook}` });
    at(RENDER_MS);
    expect(fake.events).toHaveLength(1);
    at(RENDER_MS + 3 * RENDER_MS - 1);
    expect(fake.outbox).toEqual([]);
    at(RENDER_MS + 3 * RENDER_MS);
    expect(fake.outbox).toHaveLength(1);
  });

  it("reset() forgets jobs, events and the outbox but keeps pre-registered endpoints", async () => {
    const at = freezeClock();
    await create();
    at(RENDER_MS);
    expect(fake.outbox).toHaveLength(1);
    fake.reset();
    expect([fake.jobs.size, fake.events.length, fake.outbox.length]).toEqual([0, 0, 0]);
    expect([...fake.webhookEndpoints.values()]).toEqual([
      expect.objectContaining({ url: ENDPOINT.url, secret: ENDPOINT.secret, scheme: "v3" }),
    ]);
  });
});

it("has no catch-all: a request the fake does not define reaches MSW's onUnhandledRequest", async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  await expect(call("/v2/video/generate", { method: "POST", body: "{}" })).rejects.toThrow();
  await expect(call("/v1/video_status.get?video_id=x")).rejects.toThrow();
  expect(unhandled).toEqual([`POST ${BASE}/v2/video/generate`, `GET ${BASE}/v1/video_status.get?video_id=x`]);
});
