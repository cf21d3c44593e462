import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAKE_IDS, FAKE_MARKERS, WEBHOOK_EVENT_TYPES } from "@/mocks/heygen/fake-heygen";
import { startFakeHeygenServer, type FakeHeygenServer, type FakeHeygenServerOptions } from "@/mocks/heygen/http-server";
import { waitFor } from "../support/wait-for";

// Webhooks over real HTTP: endpoint registration, and what each delivery looks like on the wire.
const API_KEY = "test-api-key";
const RENDER_MS = 150;
const LATE_MS = 600;

type Received = { method: string; path: string; headers: IncomingHttpHeaders; body: string; at: number };

/** A stand-in for the app's webhook route: records every request; OPTIONS on /refuse gets a 405. */
async function startReceiver() {
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += String(chunk);
    received.push({
      method: request.method ?? "",
      path: request.url ?? "",
      headers: request.headers,
      body,
      at: Date.now(),
    });
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

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let heygen: FakeHeygenServer;
const start = (options: Partial<FakeHeygenServerOptions> = {}) =>
  startFakeHeygenServer({ port: 0, apiKey: API_KEY, renderMs: RENDER_MS, lateDeliveryMs: LATE_MS, ...options });

beforeAll(async () => {
  receiver = await startReceiver();
  heygen = await start();
});

afterAll(async () => {
  await heygen?.close();
  await receiver?.close();
});

beforeEach(() => {
  heygen.fake.reset();
  receiver.received.length = 0;
});

const api = (path: string, init: RequestInit = {}, server = heygen) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { "content-type": "application/json", "x-api-key": API_KEY, ...init.headers },
  });

async function createVideo(overrides: Record<string, unknown> = {}, server = heygen): Promise<string> {
  const body = {
    type: "avatar",
    avatar_id: FAKE_IDS.looks.landscape,
    script: "Hi there.",
    callback_id: "ours-1",
    ...overrides,
  };
  const response = await api("/v3/videos", { method: "POST", body: JSON.stringify(body) }, server);
  expect(response.status).toBe(200);
  return (await response.json()).data.video_id;
}

async function addEndpoint(path: string, events: string[] | null = ["avatar_video.success", "avatar_video.fail"]) {
  const response = await api("/v3/webhooks/endpoints", {
    method: "POST",
    body: JSON.stringify({ url: `${receiver.url}${path}`, events }),
  });
  expect(response.status).toBe(200);
  return (await response.json()).data as { endpoint_id: string; secret: string };
}

const postsTo = (path: string, count = 1) =>
  waitFor(
    () => receiver.posts(path),
    (posts) => posts.length >= count,
  );
/**
 * This video's event once the fake has sent every delivery it planned for it (none, when nothing was due): the
 * evidence a test waits for before asserting what did not arrive.
 */
async function dispatched(videoId: string) {
  const dispatch = await waitFor(
    () => heygen.fake.dispatches.find((candidate) => candidate.videoId === videoId),
    (candidate) => candidate?.done === true,
  );
  expect(dispatch).toMatchObject({ done: true });
  return dispatch!;
}
const hmac = (body: string, secret: string) => createHmac("sha256", secret).update(body).digest("hex");

describe("webhook endpoints", () => {
  it("registers an endpoint after an OPTIONS probe; the secret shows on create only", async () => {
    const response = await api("/v3/webhooks/endpoints", {
      method: "POST",
      body: JSON.stringify({ url: `${receiver.url}/hook`, events: ["avatar_video.success"] }),
    });
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data).toEqual({
      endpoint_id: expect.any(String),
      url: `${receiver.url}/hook`,
      status: "enabled",
      events: ["avatar_video.success"],
      secret: expect.stringMatching(/^whsec_/),
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(receiver.received).toContainEqual(expect.objectContaining({ method: "OPTIONS", path: "/hook" }));

    const list = await (await api("/v3/webhooks/endpoints")).json();
    expect(list).toEqual({ data: [{ ...data, secret: null }], has_more: false, next_token: null });
  });

  it("refuses a URL that does not answer OPTIONS with 2xx, and unknown event types", async () => {
    for (const url of [`${receiver.url}/refuse`, "http://127.0.0.1:9/closed"]) {
      const refused = await api("/v3/webhooks/endpoints", { method: "POST", body: JSON.stringify({ url }) });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error).toMatchObject({ code: "invalid_parameter", param: "url" });
    }
    const badEvent = await api("/v3/webhooks/endpoints", {
      method: "POST",
      body: JSON.stringify({ url: `${receiver.url}/hook`, events: ["avatar_video.done"] }),
    });
    expect(badEvent.status).toBe(400);
    expect((await badEvent.json()).error.param).toMatch(/^events/);
    expect((await (await api("/v3/webhooks/endpoints")).json()).data).toEqual([]);
  });

  it("rotate-secret: the new secret signs at once, the old one no longer does", async () => {
    const endpoint = await addEndpoint("/hook");
    const rotated = await api(`/v3/webhooks/endpoints/${endpoint.endpoint_id}/rotate-secret`, { method: "POST" });
    const { data } = await rotated.json();
    expect(data).toEqual({ endpoint_id: endpoint.endpoint_id, secret: expect.stringMatching(/^whsec_/) });
    expect(data.secret).not.toBe(endpoint.secret);

    await createVideo();
    const [delivery] = await postsTo("/hook");
    expect(delivery!.headers["heygen-signature"]).toBe(hmac(delivery!.body, data.secret));
    expect(delivery!.headers["heygen-signature"]).not.toBe(hmac(delivery!.body, endpoint.secret));
  });

  it("PATCH replaces the events; unsubscribed types and deleted endpoints get nothing", async () => {
    const endpoint = await addEndpoint("/hook");
    const patched = await api(`/v3/webhooks/endpoints/${endpoint.endpoint_id}`, {
      method: "PATCH",
      body: JSON.stringify({ events: ["avatar_video.fail"] }),
    });
    expect((await patched.json()).data).toMatchObject({ events: ["avatar_video.fail"], secret: null });

    const succeeded = await createVideo(); // not subscribed
    const failed = await createVideo({ script: `Oops ${FAKE_MARKERS.fail}` });
    expect((await dispatched(succeeded)).deliveries).toEqual([]);
    await dispatched(failed);
    expect(receiver.posts("/hook").map((post) => JSON.parse(post.body).event_type)).toEqual(["avatar_video.fail"]);

    const deleted = await api(`/v3/webhooks/endpoints/${endpoint.endpoint_id}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ data: {} });
    expect((await api(`/v3/webhooks/endpoints/${endpoint.endpoint_id}`, { method: "DELETE" })).status).toBe(404);
    expect((await dispatched(await createVideo({ script: `Again ${FAKE_MARKERS.fail}` }))).deliveries).toEqual([]);
    expect(receiver.posts("/hook")).toHaveLength(1);
  });

  it("lists every event type HeyGen defines, with a description", async () => {
    const { data, has_more } = await (await api("/v3/webhooks/event-types")).json();
    expect(has_more).toBe(false);
    expect(data).toHaveLength(Object.keys(WEBHOOK_EVENT_TYPES).length);
    expect(data).toContainEqual({ event_type: "avatar_video.success", description: expect.any(String) });
  });
});

describe("webhook deliveries", () => {
  it("signs v3 deliveries: Heygen-Signature over the raw body, Heygen-Timestamp, Heygen-Event-Id", async () => {
    const endpoint = await addEndpoint("/hook");
    const videoId = await createVideo();
    const [delivery, ...more] = await postsTo("/hook");
    expect(more).toHaveLength(0);

    expect(delivery!.headers["content-type"]).toBe("application/json");
    expect(delivery!.headers["heygen-signature"]).toMatch(/^[0-9a-f]{64}$/);
    expect(delivery!.headers["heygen-signature"]).toBe(hmac(delivery!.body, endpoint.secret));
    expect(Math.abs(Number(delivery!.headers["heygen-timestamp"]) - delivery!.at / 1000)).toBeLessThan(5);
    expect(delivery!.headers.signature).toBeUndefined();

    const event = JSON.parse(delivery!.body);
    expect(delivery!.headers["heygen-event-id"]).toBe(event.event_id);
    expect(event).toEqual({
      event_id: expect.stringMatching(/^evt_[0-9a-f]+$/),
      event_type: "avatar_video.success",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      event_data: {
        video_id: videoId,
        callback_id: "ours-1",
        video_url: expect.stringMatching(new RegExp(`^${heygen.url}/media/${videoId}\\.mp4\\?Expires=\\d+&Signature=`)),
        gif_download_url: null,
        video_share_page_url: expect.stringContaining(videoId),
        folder_id: null,
      },
    });
    expect((await fetch(event.event_data.video_url)).status).toBe(200);
    expect(heygen.fake.deliveries).toContainEqual(
      expect.objectContaining({ url: `${receiver.url}/hook`, status: 200, kind: "v3" }),
    );
  });

  it("carries failure_code and failure_message when the render fails ([fail])", async () => {
    await addEndpoint("/hook");
    const videoId = await createVideo({ script: `Please ${FAKE_MARKERS.fail}` });
    const [delivery] = await postsTo("/hook");
    expect(JSON.parse(delivery!.body)).toMatchObject({
      event_type: "avatar_video.fail",
      event_data: {
        video_id: videoId,
        callback_id: "ours-1",
        failure_code: "RENDER_FAILED",
        failure_message: "Video rendering failed",
      },
    });
  });

  it("posts to callback_url unsigned, with the same bytes as the signed delivery", async () => {
    await addEndpoint("/hook");
    await createVideo({ callback_url: `${receiver.url}/direct` });
    const [direct] = await postsTo("/direct");
    const [signed] = await postsTo("/hook");
    expect(direct!.body).toBe(signed!.body);
    expect(Object.keys(direct!.headers).filter((name) => /signature|heygen/.test(name))).toEqual([]);
    expect(direct!.headers["content-type"]).toBe("application/json");
  });

  it("delivers once, signed, when callback_url is also a registered endpoint", async () => {
    const endpoint = await addEndpoint("/hook");
    await dispatched(await createVideo({ callback_url: `${receiver.url}/hook` }));
    const posts = receiver.posts("/hook");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers["heygen-signature"]).toBe(hmac(posts[0]!.body, endpoint.secret));
  });

  it("sends every delivery twice with the same event id ([duplicate-webhook])", async () => {
    await addEndpoint("/hook");
    await createVideo({ script: `Twice ${FAKE_MARKERS.duplicateWebhook}`, callback_url: `${receiver.url}/direct` });
    for (const path of ["/hook", "/direct"]) {
      const posts = await postsTo(path, 2);
      expect(posts).toHaveLength(2);
      expect(posts[1]!.body).toBe(posts[0]!.body);
    }
    const [first, second] = receiver.posts("/hook");
    expect(second!.headers["heygen-event-id"]).toBe(first!.headers["heygen-event-id"]);
    expect(heygen.fake.events).toHaveLength(1);
  });

  it("delivers lateDeliveryMs after the render finished, while the status already shows it ([late-webhook])", async () => {
    await addEndpoint("/hook");
    const videoId = await createVideo({ script: `Slow ${FAKE_MARKERS.lateWebhook}` });
    const finishesAt = heygen.fake.jobs.get(videoId)!.finishesAt;
    const status = await waitFor(
      async () => (await (await api(`/v3/videos/${videoId}`)).json()).data.status,
      (current) => current === "completed",
    );
    expect(status).toBe("completed");
    expect(heygen.fake.dispatches).toEqual([]); // not due yet
    expect(receiver.posts("/hook")).toHaveLength(0);
    const [late] = await postsTo("/hook");
    expect(late!.at).toBeGreaterThanOrEqual(finishesAt + LATE_MS - 20);
  });

  it("delivers nothing for a lost webhook, but lists its event ([no-webhook])", async () => {
    await addEndpoint("/hook");
    const videoId = await createVideo({
      script: `Lost ${FAKE_MARKERS.noWebhook}`,
      callback_url: `${receiver.url}/direct`,
    });
    expect((await dispatched(videoId)).deliveries).toEqual([]);
    expect(receiver.received.filter((r) => r.method === "POST")).toEqual([]);
    expect(heygen.fake.deliveries).toEqual([]);
    const events = await (await api("/v3/webhooks/events")).json();
    expect(events.data).toEqual([
      expect.objectContaining({
        event_type: "avatar_video.success",
        event_data: expect.objectContaining({ video_id: videoId }),
      }),
    ]);
  });

  it("lists the events history newest first, filtered by event_type", async () => {
    const ok = await createVideo();
    await new Promise((resolve) => setTimeout(resolve, 20)); // a later created_at
    const failed = await createVideo({ script: `No ${FAKE_MARKERS.fail}` });
    await waitFor(
      () => heygen.fake.events.length,
      (count) => count === 2,
    );

    const all = await (await api("/v3/webhooks/events")).json();
    expect(all.data.map((event: { event_data: { video_id: string } }) => event.event_data.video_id)).toEqual([
      failed,
      ok,
    ]);
    expect(all.data[0]).toEqual({
      event_id: heygen.fake.events[1]!.event_id,
      event_type: "avatar_video.fail",
      event_data: expect.objectContaining({ failure_code: "RENDER_FAILED" }),
      created_at: expect.any(String),
    });
    const successes = await (await api("/v3/webhooks/events?event_type=avatar_video.success")).json();
    expect(successes.data).toHaveLength(1);
    expect(successes.data[0].event_data.video_id).toBe(ok);
  });

  it("delivers to pre-registered endpoints without probing: legacy ones get `Signature` and the v1 body", async () => {
    const server = await start({
      endpoints: [
        { url: `${receiver.url}/legacy`, secret: "legacy-secret", scheme: "legacy" },
        { url: `${receiver.url}/v3`, secret: "v3-secret", events: ["avatar_video.success"] },
      ],
    });
    try {
      server.fake.reset(); // pre-registered endpoints survive it
      const ok = await createVideo({}, server);
      const [legacy] = await postsTo("/legacy");
      expect(receiver.received.filter((r) => r.method === "OPTIONS")).toEqual([]);
      expect(legacy!.headers.signature).toBe(hmac(legacy!.body, "legacy-secret"));
      expect(Object.keys(legacy!.headers).filter((name) => name.startsWith("heygen-"))).toEqual([]);
      expect(JSON.parse(legacy!.body)).toEqual({
        event_type: "avatar_video.success",
        event_data: { video_id: ok, url: expect.stringContaining(`/media/${ok}.mp4?`), callback_id: "ours-1" },
      });
      const [v3] = await postsTo("/v3");
      expect(v3!.headers["heygen-signature"]).toBe(hmac(v3!.body, "v3-secret"));

      const failed = await createVideo({ script: `Nope ${FAKE_MARKERS.fail}`, callback_id: null }, server);
      const [, legacyFail] = await postsTo("/legacy", 2);
      expect(JSON.parse(legacyFail!.body)).toEqual({
        event_type: "avatar_video.fail",
        event_data: { video_id: failed, msg: "Video rendering failed", callback_id: null },
      });
    } finally {
      await server.close();
    }
  });
});
