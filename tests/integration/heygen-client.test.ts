import { delay, http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { describeHeygenAccount } from "@/lib/account";
import { createFakeHeygen, fakeAvatarGroups, fakeLooks, fakeVoices } from "@/mocks/heygen/fake-heygen";
import { createHeygenClient } from "@/server/heygen/client";
import { HeygenError } from "@/server/heygen/failures";
import { A_VOICE, heygenRequests, heygenServer, LANDSCAPE_LOOK } from "../support/heygen";
import { TEST_ENV } from "../support/test-env";

const config = { apiUrl: TEST_ENV.HEYGEN_API_URL, apiKey: TEST_ENV.HEYGEN_API_KEY, timeoutMs: 500 };
const heygen = createHeygenClient(config);
const api = (path: string) => `${TEST_ENV.HEYGEN_API_URL}${path}`;

async function heygenError(promise: Promise<unknown>): Promise<HeygenError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HeygenError);
  return error as HeygenError;
}

const request = {
  callbackId: "ours",
  title: "t",
  script: "Hello",
  avatarId: LANDSCAPE_LOOK.id,
  voiceId: A_VOICE.voice_id,
  aspectRatio: "16:9",
  resolution: "720p",
  options: { captions: "sidecar", outputFormat: "mp4" },
} as const;

/** A second fake HeyGen that pages every list two items at a time, on its own origin. */
function pagedHeygen(options: Partial<Parameters<typeof createFakeHeygen>[0]> = {}) {
  const baseUrl = "https://paged.heygen.test";
  const fake = createFakeHeygen({
    baseUrl,
    apiKey: "paged-key",
    maxPageSize: 2,
    renderMs: 0,
    deliverWebhooks: false,
    ...options,
  });
  heygenServer.use(...fake.handlers);
  return createHeygenClient({ apiUrl: baseUrl, apiKey: "paged-key", timeoutMs: 500 });
}

describe("HeyGen v3 client", () => {
  it("creates a video and reads it back, alone and in bulk", async () => {
    const { videoId } = await heygen.createVideo(request);
    const video = await heygen.getVideo(videoId);
    expect(video).toMatchObject({ id: videoId, state: "COMPLETED", title: "t", duration: 5, failureMessage: null });
    expect(video.videoUrl).toMatch(/\.mp4\?/);
    expect(await heygen.getStatuses([videoId, "unknown-id"])).toEqual([
      { videoId, state: "COMPLETED", error: null },
      { videoId: "unknown-id", state: "NOT_FOUND", error: null },
    ]);
  });

  it("asks for statuses 100 ids at a time", async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `id-${i}`);
    const statuses = await heygen.getStatuses(ids);
    expect(statuses).toHaveLength(150);
    expect(heygenRequests).toEqual(["GET /v3/videos/statuses", "GET /v3/videos/statuses"]);
  });

  it("follows next_token through every page of looks, avatars and voices, public and private", async () => {
    const paged = pagedHeygen();
    const looks = await paged.listLooks();
    expect(looks.map((look) => look.id).sort()).toEqual(fakeLooks.map((look) => look.id).sort());
    expect(looks.find((look) => look.id === LANDSCAPE_LOOK.id)).toMatchObject({
      name: LANDSCAPE_LOOK.name,
      ownership: "public",
      preferredOrientation: "landscape",
      defaultVoiceId: LANDSCAPE_LOOK.default_voice_id,
      previewImageUrl: expect.stringMatching(/\.jpg\?/),
    });
    expect(looks.filter((look) => look.ownership === "private").map((look) => look.id)).toEqual(
      fakeLooks.filter((look) => look.ownership === "private").map((look) => look.id),
    );
    const voices = await paged.listVoices();
    expect(voices.map((voice) => voice.id).sort()).toEqual(fakeVoices.map((voice) => voice.voice_id).sort());
    expect(voices.filter((voice) => voice.ownership === "private")).toHaveLength(
      fakeVoices.filter((voice) => voice.type === "private").length,
    );
    const groups = await paged.listAvatarGroups();
    expect(groups.map((group) => group.id).sort()).toEqual(fakeAvatarGroups.map((group) => group.id).sort());
    // Two items a page: the public looks take ceil(n / 2) requests, the private ones one more.
    const publicLooks = fakeLooks.filter((look) => look.ownership === "public").length;
    expect(heygenRequests.filter((line) => line === "GET /v3/avatars/looks").length).toBe(
      Math.ceil(publicLooks / 2) + 1,
    );
  });

  it.each([
    ["wallet", /^\$?[\d,.]+ (credits )?left$/],
    ["subscription", /credits left \(\w+ plan\)$/],
    ["usage_based", /credits left$/],
  ] as const)("reads a %s account's figures, which describe its balance", async (billingType, balance) => {
    const account = describeHeygenAccount(await pagedHeygen({ billingType }).getAccount());
    expect(account.billingType).toBe(billingType);
    expect(account.balance).toMatch(balance);
  });

  it("treats only HeyGen's own envelope with a 4xx as a rejection, with its code, field and Retry-After", async () => {
    const retryAt = new Date(Date.now() + 60_000).toUTCString();
    heygenServer.use(
      http.post(api("/v3/videos"), () =>
        HttpResponse.json(
          { error: { code: "rate_limit_exceeded", message: "Slow down", param: null } },
          { status: 429, headers: { "retry-after": retryAt } },
        ),
      ),
    );
    const error = await heygenError(heygen.createVideo(request));
    expect(error).toMatchObject({
      kind: "rejected",
      rejected: true,
      status: 429,
      code: "rate_limit_exceeded",
      message: "Slow down",
    });
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(58);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);

    heygenServer.resetHandlers();
    const invalid = await heygenError(heygen.createVideo({ ...request, voiceId: "no-such-voice" }));
    expect(invalid).toMatchObject({ kind: "rejected", status: 400, param: "voice_id" });
  });

  it("waits out a create's short 429 and asks again, unless told not to retry: then one request, refused at once", async () => {
    heygenServer.use(
      http.post(api("/v3/videos"), () =>
        HttpResponse.json(
          { error: { code: "rate_limit_exceeded", message: "Slow down" } },
          { status: 429, headers: { "retry-after": "1" } },
        ),
      ),
    );
    const once = createHeygenClient({ ...config, retries: 1, retryBaseMs: 1 });
    const creates = () => heygenRequests.filter((line) => line === "POST /v3/videos").length;

    let started = Date.now();
    const refused = await heygenError(once.createVideo(request, { retry: false }));
    expect(refused).toMatchObject({ status: 429, retryAfterSeconds: 1 });
    expect(creates()).toBe(1);
    expect(Date.now() - started).toBeLessThan(500);

    // By default: HeyGen's second before the retry, none after the last refusal (it goes back to the caller at once).
    started = Date.now();
    expect(await heygenError(once.createVideo(request))).toMatchObject({ status: 429 });
    expect(creates()).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(Date.now() - started).toBeLessThan(1_800);
  });

  it.each([
    ["server_error", () => HttpResponse.json({ error: { code: "internal", message: "boom" } }, { status: 500 })],
    [
      "server_error",
      () =>
        new HttpResponse("<html><h1>502 Bad Gateway</h1></html>", {
          status: 502,
          headers: { "content-type": "text/html" },
        }),
    ],
    ["not_heygen", () => new HttpResponse("<html>Forbidden</html>", { status: 403 })],
    ["unreadable", () => new HttpResponse("{not json", { status: 200 })],
    ["unreadable", () => HttpResponse.json({ data: { something: "else" } })],
    ["network", () => HttpResponse.error()],
  ] as const)(
    "reports %s, never a rejection, for an answer HeyGen's application did not give",
    async (kind, answer) => {
      heygenServer.use(http.get(api("/v3/videos/:id"), answer));
      expect(await heygenError(heygen.getVideo("v"))).toMatchObject({ kind, rejected: false });
    },
  );

  it("gives up after its timeout", async () => {
    heygenServer.use(
      http.get(api("/v3/videos/:id"), async () => {
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    expect(await heygenError(heygen.getVideo("v"))).toMatchObject({ kind: "timeout", rejected: false });
  });

  it("treats an unknown status as processing, and says so", async () => {
    const warn = vi.fn();
    const watched = createHeygenClient({
      apiUrl: TEST_ENV.HEYGEN_API_URL,
      apiKey: TEST_ENV.HEYGEN_API_KEY,
      timeoutMs: 500,
      warn,
    });
    heygenServer.use(
      http.get(api("/v3/videos/:id"), () => HttpResponse.json({ data: { id: "v", status: "queued_somewhere_new" } })),
    );
    expect((await watched.getVideo("v")).state).toBe("PROCESSING");
    expect(warn).toHaveBeenCalledWith({ status: "queued_somewhere_new" }, expect.stringContaining("unknown"));
  });

  it("registers a webhook endpoint and rotates its secret", async () => {
    const paged = pagedHeygen();
    const receiver = "https://hooks.example.test/api/heygen/callback";
    heygenServer.use(http.options(receiver, () => new HttpResponse(null, { status: 200 })));
    const endpoint = await paged.createWebhookEndpoint(receiver, ["avatar_video.success", "avatar_video.fail"]);
    expect(endpoint).toMatchObject({
      url: receiver,
      events: ["avatar_video.success", "avatar_video.fail"],
      secret: expect.any(String),
    });
    expect(await paged.listWebhookEndpoints()).toEqual([{ ...endpoint, secret: null }]);
    const rotated = await paged.rotateWebhookSecret(endpoint.endpointId);
    expect(rotated).not.toBe(endpoint.secret);
  });
});
