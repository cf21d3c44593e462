import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// This file's deployment: no HeyGen key and no webhook secret in the environment, an ENCRYPTION_KEY, and a public
// https APP_URL. Set before the app's modules load (src/server/env.ts reads the environment once).
const APP_URL = vi.hoisted(() => {
  vi.stubEnv("HEYGEN_API_KEY", "");
  vi.stubEnv("HEYGEN_SECRET", "");
  vi.stubEnv("ENCRYPTION_KEY", "6c1f0d2a9b8e7f6a5d4c3b2a19080706f5e4d3c2b1a09f8e7d6c5b4a39281706");
  vi.stubEnv("APP_URL", "https://app.test");
  return "https://app.test";
});

import { NextRequest } from "next/server";
import { GET as looksRoute } from "@/app/api/admin/catalogue/looks/route";
import { PUT as saveKeyRoute } from "@/app/api/admin/settings/heygen-api-key/route";
import { OPTIONS as callbackOptions, POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { reconcileDue } from "@/server/reconcile/reconcile-due";
import { writeSetting } from "@/server/settings/settings-store";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import { adminCookie, jsonRequest, signedV3, validVideoInput, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";
import { expectNoSecret, masked, settingsApi } from "./settings-support";

/** The only key the fake HeyGen accepts. */
const RIGHT_KEY = TEST_ENV.HEYGEN_API_KEY;
const CALLBACK = `${APP_URL}/api/heygen/callback`;
const EVENTS = ["avatar_video.success", "avatar_video.fail", "video_translate.success", "video_translate.fail"];

let api: ReturnType<typeof settingsApi>;
beforeEach(async () => {
  api = settingsApi(await adminCookie());
});
// Through the routes, so that this process's cache of decrypted values is dropped too.
afterEach(async () => {
  const cleanup = settingsApi(await adminCookie());
  await cleanup.removeKey();
  await cleanup.removeSecret();
});

async function generate() {
  const response = await createVideoRoute(jsonRequest("/api/videos", validVideoInput, { cookie: await adminCookie() }));
  return { status: response.status, body: await response.json() };
}

/** The AppSetting table as stored, every column as text. */
const storedSettings = async () =>
  JSON.stringify(await db.$queryRawUnsafe(`SELECT name, ciphertext, "updatedAt"::text FROM "AppSetting"`));

/** A signed v3 delivery of a success event for a video HeyGen is rendering. */
async function signedDelivery(secret: string) {
  const video = await db.video.create({
    data: { ...videoRow, status: "PROCESSING", heygenVideoId: `h-${Math.random()}` },
  });
  const event = {
    event_id: `evt_${video.id}`,
    event_type: "avatar_video.success",
    event_data: { video_id: video.heygenVideoId, callback_id: video.id, video_url: "https://cdn.test/v.mp4" },
  };
  const { response, afterResponse } = await callRoute(() => callback(signedV3(event, { secret })));
  await afterResponse();
  return response.status;
}

describe("without any HeyGen key", () => {
  it("refuses every settings route without an admin session (401)", async () => {
    const anyone = settingsApi();
    for (const call of [
      anyone.get(),
      anyone.saveKey(RIGHT_KEY),
      anyone.removeKey(),
      anyone.registerWebhook(),
      anyone.removeSecret(),
    ]) {
      const { status, body } = await call;
      expect(status).toBe(401);
      expect(body.error?.code).toBe("unauthorized");
    }
    expect(heygenRequests).toEqual([]);
    expect(await db.appSetting.count()).toBe(0);
  });

  it("says so in Settings; generate answers 503 asking for the key, writes no row and calls nothing", async () => {
    const { status, body } = await api.get();
    expect(status).toBe(200);
    expect(body.settings).toMatchObject({
      heygenApiKey: { source: null, masked: null, unreadable: false },
      webhookSecret: { source: null, masked: null },
      savingDisabled: null,
      // No secret yet: registering is the way to one.
      webhook: { callbackUrl: CALLBACK, registrable: true, problem: expect.stringMatching(/^No signing secret/) },
    });

    const refused = await generate();
    expect(refused).toEqual({
      status: 503,
      body: { error: { code: "heygen_not_configured", message: "Add your HeyGen API key in Settings." } },
    });
    expect(await db.video.count()).toBe(0);

    // The studio's pickers say the same, and HeyGen is not asked either.
    const looks = await looksRoute(
      new NextRequest(`${APP_URL}/api/admin/catalogue/looks`, { headers: { cookie: await adminCookie() } }),
    );
    expect(looks.status).toBe(503);
    expect((await looks.json()).error).toEqual({
      code: "heygen_not_configured",
      message: "Add your HeyGen API key in Settings.",
    });
    expect(heygenRequests).toEqual([]);
  });

  it("background work waits quietly (no HeyGen call, said once in the log) and uses a key saved in Settings at once", async () => {
    const info = vi.spyOn(logger, "info");
    const saidNoKey = () => info.mock.calls.filter(([message]) => String(message).includes("no HeyGen API key")).length;
    const video = await db.video.create({
      data: { ...videoRow, status: "PENDING", createdAt: new Date(Date.now() - 10 * 60_000) },
    });

    expect((await reconcileDue()).checked).toBe(0);
    const runsLater = new Date(Date.now() + 10 * 60_000);
    expect((await reconcileDue(runsLater)).checked).toBe(0);
    expect(heygenRequests).toEqual([]);
    expect(saidNoKey()).toBeLessThanOrEqual(1);

    expect((await api.saveKey(RIGHT_KEY)).status).toBe(200);
    heygenRequests.length = 0;
    expect((await reconcileDue()).checked).toBe(1);
    expect(heygenRequests).toContain(`GET /v3/videos`); // looked for by title: the create's answer never came

    expect((await api.removeKey()).status).toBe(200);
    heygenRequests.length = 0;
    info.mockClear();
    await reconcileDue(runsLater);
    await reconcileDue(new Date(runsLater.getTime() + 10 * 60_000));
    expect(heygenRequests).toEqual([]);
    expect(saidNoKey()).toBe(1);
    expect((await db.video.findUniqueOrThrow({ where: { id: video.id } })).status).toBe("PENDING");
  });
});

describe("saving the HeyGen API key", () => {
  it("tests it with HeyGen first: a refused key is a 400 naming apiKey and saves nothing", async () => {
    const { status, body, text } = await api.saveKey("hg_wrong_key_0000");
    expect(status).toBe(400);
    expect(body.error).toEqual({
      code: "invalid_input",
      field: "apiKey",
      message: "HeyGen refused this key: copy it again from HeyGen → Settings → API.",
    });
    expect(heygenRequests).toEqual(["GET /v3/users/me"]);
    expect(await db.appSetting.count()).toBe(0);
    expectNoSecret(text, "hg_wrong_key_0000");
    expect((await generate()).status).toBe(503);
  });

  it("saves the key HeyGen accepts, encrypted (no plaintext in the database), masked, and the next HeyGen call uses it", async () => {
    expect((await api.saveKey("hg_wrong_key_0000")).status).toBe(400);
    const saved = await api.saveKey(RIGHT_KEY);
    expect(saved.status).toBe(200);
    expect(saved.body.account).toMatchObject({
      billingType: "subscription",
      balance: expect.stringContaining("credits left"),
    });
    expect(saved.body.settings?.heygenApiKey).toEqual({
      source: "settings",
      masked: masked(RIGHT_KEY),
      unreadable: false,
      savedAt: expect.any(String),
    });
    expectNoSecret(saved.text, RIGHT_KEY);
    expectNoSecret((await api.get()).text, RIGHT_KEY);

    const stored = await storedSettings();
    expect(stored).toContain("heygen_api_key");
    expectNoSecret(stored, RIGHT_KEY);

    const created = await generate();
    expect(created.status).toBe(201);
    expect(fakeHeygen.jobs.size).toBe(1); // the fake accepts only its own key: the saved one was sent
  });

  it("HeyGen busy: 429 with Retry-After, nothing saved", async () => {
    heygenServer.use(
      http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/users/me`, () =>
        HttpResponse.json(
          { error: { code: "rate_limited", message: "Too many requests" } },
          { status: 429, headers: { "retry-after": "60" } },
        ),
      ),
    );
    const response = await saveKeyRoute(
      jsonRequest(
        "/api/admin/settings/heygen-api-key",
        { apiKey: RIGHT_KEY },
        { cookie: await adminCookie(), method: "PUT" },
      ),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    expect((await response.json()).error.code).toBe("heygen_rate_limited");
    expect(await db.appSetting.count()).toBe(0);
  });

  it("HeyGen unreachable: 503, nothing saved", async () => {
    heygenServer.use(http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/users/me`, () => HttpResponse.error()));
    const { status, body } = await api.saveKey(RIGHT_KEY);
    expect(status).toBe(503);
    expect(body.error).toMatchObject({ code: "heygen_unavailable", message: expect.stringContaining("not saved") });
    expect(await db.appSetting.count()).toBe(0);
  });

  it.each([
    ["missing", undefined],
    ["empty", "  "],
    ["not text", 42],
    ["with a space inside", "hg key"],
    ["with a line break", "hg\nkey"],
  ])("400 naming apiKey when it is %s, without asking HeyGen", async (_, apiKey) => {
    const { status, body } = await api.saveKey(apiKey);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_input", field: "apiKey" });
    expect(heygenRequests).toEqual([]);
  });

  it("removing it: generate answers 503 again at once", async () => {
    await api.saveKey(RIGHT_KEY);
    expect((await generate()).status).toBe(201);
    const removed = await api.removeKey();
    expect(removed.body.settings?.heygenApiKey.source).toBeNull();
    expect(await db.appSetting.count()).toBe(0);
    expect((await generate()).status).toBe(503);
  });
});

describe("registering the webhook", () => {
  // HeyGen probes a new endpoint with OPTIONS: here it reaches the app's own handler.
  beforeEach(() => heygenServer.use(http.options(CALLBACK, () => callbackOptions())));

  /** The bodies HeyGen received at POST /v3/webhooks/endpoints. */
  function endpointRequests(): unknown[] {
    const bodies: unknown[] = [];
    heygenServer.events.on("request:start", async ({ request }) => {
      if (request.method === "POST" && new URL(request.url).pathname === "/v3/webhooks/endpoints")
        bodies.push(await request.clone().json());
    });
    return bodies;
  }
  const endpointsFor = (url: string) =>
    [...fakeHeygen.webhookEndpoints.values()].filter((endpoint) => endpoint.url === url);

  it("needs the API key first: 503, no HeyGen call", async () => {
    const { status, body } = await api.registerWebhook();
    expect(status).toBe(503);
    expect(body.error?.code).toBe("heygen_not_configured");
    expect(heygenRequests).toEqual([]);
  });

  it("registers APP_URL's callback for the video events, stores the secret encrypted, and the webhook verifies with it", async () => {
    await api.saveKey(RIGHT_KEY);
    expect(await signedDelivery("whsec_anything")).toBe(503); // no secret yet: fails closed
    const bodies = endpointRequests();
    heygenRequests.length = 0;

    const { status, body, text } = await api.registerWebhook();
    expect(status).toBe(200);
    expect(body.endpoint).toEqual({ url: CALLBACK, outcome: "created" });
    expect(heygenRequests).toEqual([
      "GET /v3/webhooks/endpoints",
      "POST /v3/webhooks/endpoints",
      "OPTIONS /api/heygen/callback",
    ]);
    expect(bodies).toEqual([{ url: CALLBACK, events: EVENTS }]);
    const [endpoint, ...others] = endpointsFor(CALLBACK);
    expect(others).toEqual([]);
    expect(endpoint).toMatchObject({ url: CALLBACK, events: EVENTS });

    expect(body.settings?.webhookSecret).toMatchObject({ source: "settings", masked: masked(endpoint!.secret) });
    expectNoSecret(text, endpoint!.secret, RIGHT_KEY);
    expectNoSecret(await storedSettings(), endpoint!.secret);
    expect(await signedDelivery(endpoint!.secret)).toBe(200);
    expect(await signedDelivery("whsec_forged")).toBe(401);
  });

  it("HeyGen unreachable or refusing: says so, naming the URL, and stores no secret", async () => {
    await api.saveKey(RIGHT_KEY);
    const endpoints = `${TEST_ENV.HEYGEN_API_URL}/v3/webhooks/endpoints`;
    heygenServer.use(http.get(endpoints, () => HttpResponse.error()));
    const down = await api.registerWebhook();
    expect(down.status).toBe(503);
    expect(down.body.error).toEqual({
      code: "heygen_unavailable",
      message: expect.stringMatching(
        /^HeyGen could not be reached to register https:\/\/app\.test\/api\/heygen\/callback \(.+\)\. Try again in a minute\.$/,
      ),
    });

    heygenServer.resetHandlers();
    heygenServer.use(
      http.post(endpoints, () =>
        HttpResponse.json({ error: { code: "invalid_url", message: "url is not reachable" } }, { status: 409 }),
      ),
    );
    const refused = await api.registerWebhook();
    expect(refused.status).toBe(502);
    expect(refused.body.error).toEqual({
      code: "heygen_rejected",
      message: `HeyGen refused to register ${CALLBACK}: url is not reachable`,
    });
    expect(await db.appSetting.count({ where: { name: "heygen_webhook_secret" } })).toBe(0);
  });

  it("again: rotates the existing endpoint's secret rather than making a second endpoint; the old secret stops", async () => {
    await api.saveKey(RIGHT_KEY);
    await api.registerWebhook();
    const first = endpointsFor(CALLBACK)[0]!.secret;
    heygenRequests.length = 0;

    const again = await api.registerWebhook();
    expect(again.body.endpoint).toEqual({ url: CALLBACK, outcome: "rotated" });
    const [endpoint, ...others] = endpointsFor(CALLBACK);
    expect(others).toEqual([]);
    expect(heygenRequests).toEqual([
      "GET /v3/webhooks/endpoints",
      `POST /v3/webhooks/endpoints/${endpoint!.endpoint_id}/rotate-secret`,
    ]);
    expect(endpoint!.secret).not.toBe(first);
    expect(await signedDelivery(endpoint!.secret)).toBe(200);
    expect(await signedDelivery(first)).toBe(401);
  });

  it("again, for an endpoint registered before translations: subscribes it to their events too, keeping its own", async () => {
    await api.saveKey(RIGHT_KEY);
    await api.registerWebhook();
    const [registered] = endpointsFor(CALLBACK);
    registered!.events = ["avatar_video.success", "avatar_video.fail", "avatar_video_gif.success"]; // an older registration
    heygenRequests.length = 0;

    const again = await api.registerWebhook();
    expect(again.body.endpoint).toEqual({ url: CALLBACK, outcome: "rotated" });
    expect(heygenRequests).toEqual([
      "GET /v3/webhooks/endpoints",
      `PATCH /v3/webhooks/endpoints/${registered!.endpoint_id}`,
      `POST /v3/webhooks/endpoints/${registered!.endpoint_id}/rotate-secret`,
    ]);
    expect(endpointsFor(CALLBACK)[0]!.events).toEqual([
      "avatar_video.success",
      "avatar_video.fail",
      "avatar_video_gif.success",
      "video_translate.success",
      "video_translate.fail",
    ]);
    // Up to date: asked again, nothing more is patched.
    heygenRequests.length = 0;
    await api.registerWebhook();
    expect(heygenRequests.filter((request) => request.startsWith("PATCH"))).toEqual([]);
  });

  it("a secret another instance saved is picked up on the first delivery it signs, not 30 s later", async () => {
    expect(await signedDelivery("whsec_not_yet")).toBe(503); // this instance now holds "no secret" in its cache
    await writeSetting("heygen_webhook_secret", "whsec_first_from_another_instance");
    expect(await signedDelivery("whsec_first_from_another_instance")).toBe(200);

    await api.saveKey(RIGHT_KEY);
    await api.registerWebhook();
    const first = endpointsFor(CALLBACK)[0]!.secret;
    expect(await signedDelivery(first)).toBe(200); // this instance now holds `first` in its cache
    await writeSetting("heygen_webhook_secret", "whsec_from_another_instance"); // as another instance's registration
    expect(await signedDelivery("whsec_from_another_instance")).toBe(200);
  });

  it("with a secret but no key: a signed success is applied, and its render details wait without calling HeyGen", async () => {
    await api.saveKey(RIGHT_KEY);
    await api.registerWebhook();
    await api.removeKey();
    const warn = vi.spyOn(logger, "warn");
    heygenRequests.length = 0;
    expect(await signedDelivery(endpointsFor(CALLBACK)[0]!.secret)).toBe(200);
    expect(heygenRequests).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    expect(await db.video.count({ where: { status: "COMPLETED" } })).toBe(1);
  });

  it("removing the saved secret: signed events are refused again (503)", async () => {
    await api.saveKey(RIGHT_KEY);
    await api.registerWebhook();
    const secret = endpointsFor(CALLBACK)[0]!.secret;
    const removed = await api.removeSecret();
    expect(removed.body.settings?.webhookSecret.source).toBeNull();
    expect(await signedDelivery(secret)).toBe(503);
  });
});
