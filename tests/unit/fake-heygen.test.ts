import { http, HttpResponse } from "msw";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAKE_IDS, FAKE_MARKERS } from "@/mocks/heygen/fake-heygen";
import { startFakeHeygenServer, type FakeHeygenServer } from "@/mocks/heygen/http-server";
import { waitFor } from "../support/wait-for";

// The fake over real HTTP, as `npm run dev` and the browser tests use it.
const API_KEY = "test-api-key";
const RENDER_MS = 300;

let heygen: FakeHeygenServer;

beforeAll(async () => {
  heygen = await startFakeHeygenServer({ port: 0, apiKey: API_KEY, renderMs: RENDER_MS, deliverWebhooks: false });
});

afterAll(async () => {
  await heygen?.close();
});

beforeEach(() => {
  heygen.fake.reset();
  heygen.resetHandlers();
});

const api = (path: string, init: RequestInit = {}, apiKey: string | null = API_KEY) =>
  fetch(`${heygen.url}${path}`, {
    ...init,
    headers: { "content-type": "application/json", ...(apiKey ? { "X-API-KEY": apiKey } : {}), ...init.headers },
  });

const videoBody = (overrides: Record<string, unknown> = {}) => ({
  type: "avatar",
  avatar_id: FAKE_IDS.looks.landscape,
  script: "Hello from the test suite.",
  voice_id: FAKE_IDS.voices.sara,
  title: "Welcome",
  callback_id: "our-video-1",
  ...overrides,
});

const createVideo = (overrides: Record<string, unknown> = {}, init: RequestInit = {}) =>
  api("/v3/videos", { method: "POST", body: JSON.stringify(videoBody(overrides)), ...init });

async function videoStatus(videoId: string) {
  const response = await api(`/v3/videos/${videoId}`);
  expect(response.status).toBe(200);
  return (await response.json()).data;
}

const onlyJob = () => {
  expect(heygen.fake.jobs.size).toBe(1);
  return [...heygen.fake.jobs.values()][0]!;
};

describe("fake HeyGen v3 over HTTP", () => {
  it("renders a video: pending or processing, then completed with signed mp4, jpg and srt URLs", async () => {
    const created = await createVideo({ caption: { file_format: "srt", style: "default" } });
    expect(created.status).toBe(200);
    const { data } = await created.json();
    expect(data).toEqual({
      video_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      status: "waiting",
      output_format: "mp4",
    });

    const first = await videoStatus(data.video_id);
    expect(["pending", "processing"]).toContain(first.status);
    expect(first).toMatchObject({
      video_url: null,
      thumbnail_url: null,
      subtitle_url: null,
      completed_at: null,
      duration: null,
    });

    const done = await waitFor(
      () => videoStatus(data.video_id),
      (video) => video.status === "completed",
    );
    const now = Math.floor(Date.now() / 1000);
    expect(done).toMatchObject({
      id: data.video_id,
      title: "Welcome",
      status: "completed",
      duration: 5,
      failure_code: null,
      gif_url: null,
    });
    expect(done.created_at).toBeGreaterThan(now - 10);
    expect(done.completed_at).toBeGreaterThanOrEqual(done.created_at);
    const signed = (extension: string) =>
      new RegExp(`^${heygen.url}/media/${data.video_id}[^/?]*\\.${extension}\\?Expires=(\\d+)&Signature=[0-9a-f]{64}$`);
    expect(done.video_url).toMatch(signed("mp4"));
    expect(done.captioned_video_url).toMatch(signed("mp4"));
    expect(done.captioned_video_url).not.toBe(done.video_url);
    expect(done.thumbnail_url).toMatch(signed("jpg"));
    expect(done.subtitle_url).toMatch(signed("srt"));
    expect(Number(new URL(done.video_url).searchParams.get("Expires"))).toBeGreaterThanOrEqual(now + 7 * 24 * 3600 - 5);
  });

  it("sets captioned_video_url only when captions are burned in", async () => {
    const { data } = await (await createVideo({ caption: { file_format: "srt" } })).json();
    const done = await waitFor(
      () => videoStatus(data.video_id),
      (video) => video.status === "completed",
    );
    expect(done.subtitle_url).toEqual(expect.any(String));
    expect(done.captioned_video_url).toBeNull();
  });

  it("serves the signed media, with Range requests, and refuses a tampered signature", async () => {
    const { data } = await (await createVideo()).json();
    const done = await waitFor(
      () => videoStatus(data.video_id),
      (video) => video.status === "completed",
    );

    const full = await fetch(done.video_url);
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("video/mp4");
    const bytes = new Uint8Array(await full.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(4, 8))).toBe("ftyp");

    const partial = await fetch(done.video_url, { headers: { Range: "bytes=0-99" } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 0-99/${bytes.length}`);
    expect((await partial.arrayBuffer()).byteLength).toBe(100);

    const poster = await fetch(done.thumbnail_url);
    expect(poster.headers.get("content-type")).toBe("image/jpeg");
    expect([...new Uint8Array(await poster.arrayBuffer()).subarray(0, 2)]).toEqual([0xff, 0xd8]);

    const subtitles = await fetch(done.subtitle_url);
    expect(subtitles.headers.get("content-type")).toBe("application/x-subrip");
    const srt = await subtitles.text();
    expect(srt).toMatch(/^1\n00:00:00,000 --> /);
    expect(srt).toContain("00:00:05,000");
    const spoken = srt.split("\n").filter((line) => line && !/^\d+$/.test(line) && !line.includes("-->"));
    expect(spoken.join(" ")).toBe("Hello! This video was rendered by the offline fake HeyGen.");
    const tail = await fetch(done.subtitle_url, { headers: { Range: "bytes=-10" } });
    expect(tail.status).toBe(206);
    expect(await tail.text()).toBe(srt.slice(-10));

    expect((await fetch(done.video_url.replace(/Signature=[0-9a-f]/, "Signature=x"))).status).toBe(403);
  });

  it("answers 401 with HeyGen's error envelope without the right X-Api-Key", async () => {
    for (const key of [null, "wrong-key"]) {
      const response = await api("/v3/videos", { method: "POST", body: JSON.stringify(videoBody()) }, key);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: "unauthorized", message: expect.any(String), param: null, doc_url: null },
      });
      expect((await api("/v3/avatars/looks", {}, key)).status).toBe(401);
    }
    expect(heygen.fake.jobs.size).toBe(0);
  });

  it("answers a gateway's 502 HTML page after creating the job ([gateway-502])", async () => {
    const response = await createVideo({ script: `Hello ${FAKE_MARKERS.gateway502}` });
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(await response.text()).toContain("502 Bad Gateway");
    const job = onlyJob();
    expect(
      (
        await waitFor(
          () => videoStatus(job.videoId),
          (video) => video.status === "completed",
        )
      ).status,
    ).toBe("completed");
  });

  it("never answers the create until the client aborts, with the job created ([hang])", async () => {
    const aborted = createVideo(
      { script: `Hello ${FAKE_MARKERS.hang}` },
      { signal: AbortSignal.timeout(RENDER_MS + 200) },
    );
    await expect(aborted).rejects.toThrow(/abort|timeout/i);
    const job = onlyJob();
    expect((await videoStatus(job.videoId)).status).toBe("completed"); // rendered meanwhile
  });

  it("answers 200 with a body that is not JSON, with the job created ([unreadable-200])", async () => {
    const response = await createVideo({ script: `Hello ${FAKE_MARKERS.unreadable200}` });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text).not.toContain(onlyJob().videoId);
  });

  it("lets a test put one-off handlers in front of the fake, until resetHandlers()", async () => {
    heygen.use(
      http.get(`${heygen.url}/v3/users/me`, () =>
        HttpResponse.json(
          { error: { code: "internal_error", message: "boom", param: null, doc_url: null } },
          { status: 503 },
        ),
      ),
    );
    expect((await api("/v3/users/me")).status).toBe(503);
    heygen.resetHandlers();
    expect((await api("/v3/users/me")).status).toBe(200);
  });

  it("answers unknown paths, the retired v1/v2 routes included, with a 404 envelope", async () => {
    for (const path of ["/v2/video/generate", "/v1/video_status.get?video_id=x", "/v3/nothing"]) {
      const response = await api(path, { method: path.startsWith("/v2") ? "POST" : "GET" });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
  });
});
