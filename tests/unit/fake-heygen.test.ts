import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAKE_FAIL_MARKER, fakeAvatars, fakeVoices } from "@/mocks/heygen/fake-heygen";
import { startFakeHeygenServer, type FakeHeygenServer } from "@/mocks/heygen/http-server";

const API_KEY = "test-api-key";
const WEBHOOK_SECRET = "test-webhook-secret";
const RENDER_MS = 300;

type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

/** A stand-in for the app's callback route: records every request, refuses OPTIONS on /refuse. */
async function startWebhookReceiver() {
  const received: ReceivedRequest[] = [];
  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += String(chunk);
    received.push({ method: request.method ?? "", path: request.url ?? "", headers: request.headers, body });
    response.writeHead(request.method === "OPTIONS" && request.url === "/refuse" ? 405 : 200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    posts: (path: string) => received.filter((r) => r.method === "POST" && r.path === path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let heygen: FakeHeygenServer;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  heygen = await startFakeHeygenServer({ port: 0, apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET, renderMs: RENDER_MS });
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await heygen?.close();
  await receiver?.close();
});

beforeEach(() => {
  heygen.fake.reset();
  receiver.received.length = 0;
});

const api = (path: string, init: RequestInit = {}, apiKey: string | null = API_KEY) =>
  fetch(`${heygen.url}${path}`, {
    ...init,
    headers: { "content-type": "application/json", ...(apiKey ? { "X-API-KEY": apiKey } : {}), ...init.headers },
  });

const scene = (inputText = "Hello from the test suite.") => ({
  character: { type: "avatar", avatar_id: "Abigail_expressive_2024112501", avatar_style: "normal" },
  voice: { type: "text", voice_id: "1bd001e7e50f421d891986aad5158bc8", input_text: inputText, speed: 1 },
  background: { type: "color", value: "#FAFAFA" },
});

const generateBody = (overrides: Record<string, unknown> = {}) => ({
  title: "Welcome",
  callback_id: "our-video-1",
  video_inputs: [scene()],
  dimension: { width: 1280, height: 720 },
  ...overrides,
});

async function generate(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await api("/v2/video/generate", { method: "POST", body: JSON.stringify(generateBody(overrides)) });
  expect(response.status).toBe(200);
  const json = await response.json();
  expect(json.error).toBeNull();
  return json.data.video_id;
}

async function status(videoId: string) {
  const response = await api(`/v1/video_status.get?video_id=${videoId}`);
  expect(response.status).toBe(200);
  const json = await response.json();
  expect(json).toMatchObject({ code: 100, message: "Success" });
  return json.data;
}

async function waitFor<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const hmac = (body: string) => createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex");

describe("fake HeyGen over HTTP", () => {
  it("renders a video: processing, then completed with freshly signed media URLs", async () => {
    const videoId = await generate();
    expect(["waiting", "processing"]).toContain((await status(videoId)).status);

    const done = await waitFor(() => status(videoId), (data) => data.status === "completed");
    const now = Math.floor(Date.now() / 1000);
    expect(done).toMatchObject({ id: videoId, status: "completed", callback_id: "our-video-1", duration: 5, error: null });
    expect(done.created_at).toBeGreaterThan(now - 10);
    const signed = new RegExp(`^${heygen.url}/media/${videoId}\\.(mp4|jpg)\\?Expires=(\\d+)&Signature=[0-9a-f]{64}$`);
    expect(done.video_url).toMatch(signed);
    expect(done.thumbnail_url).toMatch(signed);
    const expires = Number(new URL(done.video_url).searchParams.get("Expires"));
    expect(expires).toBeGreaterThanOrEqual(now + 7 * 24 * 3600 - 5);

    expect(heygen.fake.jobs.get(videoId)).toMatchObject({
      callbackId: "our-video-1",
      title: "Welcome",
      avatarId: "Abigail_expressive_2024112501",
      voiceId: "1bd001e7e50f421d891986aad5158bc8",
      width: 1280,
      height: 720,
      outcome: "success",
    });
  });

  it("serves the signed MP4 and poster, with Range requests for seeking", async () => {
    const videoId = await generate();
    const { video_url, thumbnail_url } = await waitFor(() => status(videoId), (data) => data.status === "completed");

    const full = await fetch(video_url);
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("video/mp4");
    const bytes = new Uint8Array(await full.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe("ftyp");

    const partial = await fetch(video_url, { headers: { Range: "bytes=0-99" } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 0-99/${bytes.length}`);
    expect((await partial.arrayBuffer()).byteLength).toBe(100);

    const poster = await fetch(thumbnail_url);
    expect(poster.headers.get("content-type")).toBe("image/jpeg");
    expect([...new Uint8Array(await poster.arrayBuffer()).subarray(0, 2)]).toEqual([0xff, 0xd8]);

    const tampered = video_url.replace(/Signature=[0-9a-f]/, "Signature=x");
    expect((await fetch(tampered)).status).toBe(403);
  });

  it("answers 401 without the right X-Api-Key", async () => {
    const unauthorized = { data: null, error: { code: "internal_error", message: "Unauthorized" } };
    for (const key of [null, "wrong-key"]) {
      const response = await api("/v2/video/generate", { method: "POST", body: JSON.stringify(generateBody()) }, key);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(unauthorized);
      expect((await api("/v2/avatars", {}, key)).status).toBe(401);
    }
    expect(heygen.fake.jobs.size).toBe(0);
  });

  it("validates generate like HeyGen and 404s unknown videos", async () => {
    const post = (body: unknown) => api("/v2/video/generate", { method: "POST", body: JSON.stringify(body) });

    const badDimension = await post(generateBody({ dimension: { width: 1281, height: 720 } }));
    expect(badDimension.status).toBe(400);
    expect(await badDimension.json()).toEqual({
      data: null,
      error: { code: "invalid_parameter", message: "dimension.width is invalid: must be even" },
    });

    expect((await post(generateBody({ video_inputs: [] }))).status).toBe(400);
    expect((await post(generateBody({ video_inputs: [scene("   ")] }))).status).toBe(400);
    expect((await post(generateBody({ video_inputs: [scene("x".repeat(5000))] }))).status).toBe(400);
    const unknownAvatar = await post(
      generateBody({ video_inputs: [{ ...scene(), character: { type: "avatar", avatar_id: "nobody" } }] }),
    );
    expect((await unknownAvatar.json()).error.code).toBe("avatar_not_found");

    const missing = await api("/v1/video_status.get?video_id=does-not-exist");
    expect(missing.status).toBe(404);
    expect((await missing.json()).data).toBeNull();
  });

  it(`fails a script containing ${FAKE_FAIL_MARKER} after rendering`, async () => {
    const videoId = await generate({ video_inputs: [scene(`Please ${FAKE_FAIL_MARKER} this one.`)] });
    const done = await waitFor(() => status(videoId), (data) => data.status !== "waiting" && data.status !== "processing");
    expect(done.status).toBe("failed");
    expect(done.video_url).toBeNull();
    expect(done.error).toEqual({ code: expect.anything(), message: expect.any(String), detail: expect.any(String) });
  });

  it("lists the catalogue and charges quota per video", async () => {
    const avatars = await (await api("/v2/avatars")).json();
    expect(avatars.data.avatars.map((a: { avatar_id: string }) => a.avatar_id)).toEqual(fakeAvatars.map((a) => a.avatar_id));
    const voices = await (await api("/v2/voices")).json();
    expect(voices.data.voices.map((v: { voice_id: string }) => v.voice_id)).toEqual(fakeVoices.map((v) => v.voice_id));

    const quota = async () => (await (await api("/v2/user/remaining_quota")).json()).data.remaining_quota as number;
    const before = await quota();
    await generate();
    expect(await quota()).toBeLessThan(before);
  });
});

describe("fake HeyGen webhooks", () => {
  const addEndpoint = (url: string) =>
    api("/v1/webhook/endpoint.add", {
      method: "POST",
      body: JSON.stringify({ url, events: ["avatar_video.success", "avatar_video.fail"] }),
    });

  it("probes the URL with OPTIONS, then delivers signed events to endpoints and callback_url", async () => {
    const added = await addEndpoint(`${receiver.url}/hook`);
    expect(added.status).toBe(200);
    expect((await added.json()).data).toMatchObject({ url: `${receiver.url}/hook`, status: "enabled", secret: WEBHOOK_SECRET });
    expect(receiver.received).toContainEqual(expect.objectContaining({ method: "OPTIONS", path: "/hook" }));

    const videoId = await generate({ callback_url: `${receiver.url}/direct` });
    await waitFor(() => receiver.received.filter((r) => r.method === "POST").length, (count) => count >= 2);

    for (const path of ["/hook", "/direct"]) {
      const [delivery, ...extra] = receiver.posts(path);
      expect(extra).toHaveLength(0);
      expect(delivery!.headers["content-type"]).toBe("application/json");
      expect(delivery!.headers.signature).toBe(hmac(delivery!.body));
      expect(JSON.parse(delivery!.body)).toMatchObject({
        event_type: "avatar_video.success",
        event_data: { video_id: videoId, callback_id: "our-video-1", gif_download_url: null, folder_id: "" },
      });
    }
  });

  it("delivers once per URL when callback_url is also a registered endpoint", async () => {
    expect((await addEndpoint(`${receiver.url}/hook`)).status).toBe(200);
    const videoId = await generate({
      callback_url: `${receiver.url}/hook`,
      video_inputs: [scene(`${FAKE_FAIL_MARKER} on purpose`)],
    });
    await waitFor(() => receiver.posts("/hook").length, (count) => count >= 1);
    await new Promise((resolve) => setTimeout(resolve, 150)); // room for a duplicate to show up

    const deliveries = receiver.posts("/hook");
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.headers.signature).toBe(hmac(deliveries[0]!.body));
    expect(JSON.parse(deliveries[0]!.body)).toEqual({
      event_type: "avatar_video.fail",
      event_data: { video_id: videoId, msg: expect.any(String), callback_id: "our-video-1" },
    });
  });

  it("refuses an endpoint whose URL does not answer OPTIONS with 2xx", async () => {
    const refused = await addEndpoint(`${receiver.url}/refuse`);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.code).toBe("invalid_parameter");
    const list = await (await api("/v1/webhook/endpoint.list")).json();
    expect(list.data).toEqual([]);
  });
});
