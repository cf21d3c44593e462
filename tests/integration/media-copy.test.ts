import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { POST as retryRoute } from "@/app/api/admin/videos/[id]/media-copy/route";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { FAKE_MARKERS } from "@/mocks/heygen/fake-heygen";
import { db } from "@/server/db";
import { copyVideoMedia } from "@/server/media/copy/copy-video";
import { parseStoredMedia } from "@/server/media/storage/stored-media";
import { queue } from "@/server/queue/boss";
import { completedVideo } from "../support/completed-video";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import { queueWorkerPerTest } from "../support/queue-worker";
import { adminCookie, jsonRequest, replayDelivery, validVideoInput, videoRow } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";
import { waitFor } from "../support/wait-for";

const MEDIA_DIR = vi.hoisted(() => {
  // Hoisted above the imports: a directory of this run's own (local storage creates it).
  const dir = `/tmp/media-copy-test-${process.pid}-${Date.now()}`;
  // Retries within seconds: pg-boss's backoff starts from this delay.
  Object.assign(process.env, { MEDIA_DIR: dir, MEDIA_COPY_RETRY_DELAY_SECONDS: "1" });
  return dir;
});

const SAMPLES = path.resolve(import.meta.dirname, "../../src/mocks/heygen/media");
const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
const sampleSha = async (file: string) => sha256(await fs.readFile(path.join(SAMPLES, file)));

const startWorker = queueWorkerPerTest(() =>
  import("@/server/media/copy/copy-worker").then((worker) => worker.startMediaCopyWorker()),
);

const reload = (id: string) => db.video.findUniqueOrThrow({ where: { id } });
const waitForStored = (id: string, timeoutMs = 10_000) =>
  waitFor(
    () => reload(id),
    (row) => !!row.storedMedia,
    timeoutMs,
  );

/** The files stored under the video's prefix, by name. */
async function filesOf(videoId: string): Promise<string[]> {
  return (await fs.readdir(path.join(MEDIA_DIR, "videos", videoId)).catch(() => [])).sort();
}

async function copyJobs(videoId: string): Promise<number> {
  await queue(); // its schema exists once it has started
  const [row] = await db.$queryRaw<Array<{ count: bigint }>>`
    SELECT count(*) FROM pgboss.job WHERE name = 'media-copy' AND singleton_key = ${videoId}`;
  return Number(row!.count);
}

describe("copying a completed video's media to our storage", () => {
  it("enqueues a copy when the signed webhook completes a video, and the job stores every file, checked", async () => {
    const response = await createVideoRoute(
      jsonRequest("/api/videos", validVideoInput, { cookie: await adminCookie() }),
    );
    const { id } = (await response.json()) as { id: string };
    const delivery = fakeHeygen.outbox.find((d) => JSON.parse(d.body).event_data.callback_id === id)!;
    const { response: answer, afterResponse } = await callRoute(() => callback(replayDelivery(delivery)));
    expect(answer.status).toBe(200);
    await afterResponse();
    // Enqueued by the webhook itself (no worker has run, so no sweep has either).
    expect(await copyJobs(id)).toBe(1);

    await startWorker();
    const row = await waitForStored(id);
    const stored = parseStoredMedia(row.storedMedia);
    expect(stored?.storage).toBe("local");
    const { video, thumbnail, srt, vtt } = stored!.files;
    expect(video.sha256).toBe(await sampleSha("sample.mp4"));
    expect(video.key).toBe(`videos/${id}/${video.sha256.slice(0, 8)}.mp4`);
    expect(video.bytes).toBe((await fs.stat(path.join(SAMPLES, "sample.mp4"))).size);
    expect(video.contentType).toBe("video/mp4");
    expect(sha256(await fs.readFile(path.join(MEDIA_DIR, video.key)))).toBe(video.sha256);
    expect(thumbnail?.sha256).toBe(await sampleSha("sample.jpg"));
    expect(srt?.sha256).toBe(await sampleSha("sample.srt"));
    const webVtt = await fs.readFile(path.join(MEDIA_DIR, vtt!.key), "utf8");
    expect(webVtt.startsWith("WEBVTT")).toBe(true);
    expect(sha256(webVtt)).toBe(vtt!.sha256);
    expect(await filesOf(id)).toEqual([video, thumbnail!, srt!, vtt!].map((file) => path.basename(file.key)).sort());
    expect(row).toMatchObject({ mediaCopyAttempts: 1, mediaCopyError: null, mediaCopyFailedAt: null });
    expect(row.mediaStoredAt).toBeInstanceOf(Date);
  });

  it("tries again with backoff while HeyGen's CDN answers 403 then 404, asking HeyGen afresh, then stores it", async () => {
    const video = await completedVideo();
    // The fake's job for this row answers its first two media requests 403, then 404.
    fakeHeygen.jobs.get(video.heygenVideoId!)!.markers.push("mediaLate");
    expect(FAKE_MARKERS.mediaLate).toBe("[media-late]");

    await startWorker(); // its start-up sweep enqueues the video
    const row = await waitForStored(video.id, 15_000);
    expect(row).toMatchObject({ mediaCopyAttempts: 3, mediaCopyError: null, mediaCopyFailedAt: null });
    const mp4 = `GET /media/${video.heygenVideoId}.mp4`;
    const asked = `GET /v3/videos/${video.heygenVideoId}`;
    expect(heygenRequests.filter((request) => request === mp4)).toHaveLength(3);
    // The first failure made the next attempt ask HeyGen for the video's URLs again (through the sync path).
    expect(heygenRequests.indexOf(asked)).toBeGreaterThan(heygenRequests.indexOf(mp4));
  });

  it("refuses a file over MEDIA_MAX_BYTES, said up front or found while streaming, keeps nothing, and gives up", async () => {
    vi.stubEnv("MEDIA_MAX_BYTES", "10000");
    await restartProcess();
    const declared = await completedVideo();
    expect(await copyVideoMedia(declared.id)).toMatchObject({ kind: "failed" });
    expect(await reload(declared.id)).toMatchObject({
      mediaCopyAttempts: 1,
      mediaCopyError: expect.stringContaining("over the 10000-byte limit"),
      mediaCopyFailedAt: expect.any(Date),
      storedMedia: null,
    });

    // No Content-Length: the stream itself is cut at the cap.
    const streamed = await completedVideo({ videoUrl: "https://files2.heygen.ai/v/streamed.mp4" });
    heygenServer.use(
      http.get("https://files2.heygen.ai/v/streamed.mp4", async () => {
        const bytes = await fs.readFile(path.join(SAMPLES, "sample.mp4"));
        return new HttpResponse(new Blob([bytes]).stream(), { headers: { "content-type": "video/mp4" } });
      }),
    );
    expect(await copyVideoMedia(streamed.id)).toMatchObject({ kind: "failed" });
    expect((await reload(streamed.id)).mediaCopyError).toContain("larger than the 10000-byte limit");
    expect([...(await filesOf(declared.id)), ...(await filesOf(streamed.id))]).toEqual([]);
  });

  it("refuses a source that is not one of HeyGen's media hosts, also behind a redirect, without asking it", async () => {
    const foreign = await completedVideo({ videoUrl: "http://169.254.169.254/latest/meta-data/video.mp4" });
    expect(await copyVideoMedia(foreign.id)).toMatchObject({ kind: "failed" });
    expect(await reload(foreign.id)).toMatchObject({
      mediaCopyAttempts: 1,
      mediaCopyError: expect.stringContaining("http://169.254.169.254 is not one of HeyGen's media hosts"),
      mediaCopyFailedAt: expect.any(Date),
    });

    const redirected = await completedVideo({ videoUrl: "https://files2.heygen.ai/v/moved.mp4" });
    heygenServer.use(
      http.get("https://files2.heygen.ai/v/moved.mp4", () =>
        HttpResponse.text("", { status: 302, headers: { location: "http://10.0.0.1/internal.mp4" } }),
      ),
    );
    expect(await copyVideoMedia(redirected.id)).toMatchObject({ kind: "failed" });
    expect((await reload(redirected.id)).mediaCopyError).toContain(
      "http://10.0.0.1 is not one of HeyGen's media hosts",
    );
    // Neither foreign address was ever requested (MSW would also fail the test on an unhandled request).
    expect(heygenRequests.filter((request) => request.includes("meta-data") || request.includes("internal"))).toEqual(
      [],
    );
  });

  it("keeps nothing and tries again when the bytes received differ from Content-Length", async () => {
    const video = await completedVideo({ videoUrl: "https://files2.heygen.ai/v/cut.mp4" });
    heygenServer.use(
      http.get("https://files2.heygen.ai/v/cut.mp4", () =>
        HttpResponse.arrayBuffer(new Uint8Array(100).buffer, { headers: { "content-length": "200" } }),
      ),
    );
    expect(await copyVideoMedia(video.id)).toMatchObject({ kind: "retry" });
    expect(await reload(video.id)).toMatchObject({
      mediaCopyAttempts: 1,
      mediaCopyError: expect.stringContaining("received 100 bytes, Content-Length said 200"),
      mediaCopyFailedAt: null,
      storedMedia: null,
    });
    expect(await filesOf(video.id)).toEqual([]);
  });

  it("writes exactly once when two workers copy the same video at the same time, and keeps the winner's files", async () => {
    const video = await completedVideo();
    // Both downloads are under way before either answers: a true race to the one write.
    let arrived = 0;
    heygenServer.use(
      http.get(`${TEST_ENV.HEYGEN_API_URL}/media/:file`, async ({ params }) => {
        if (!String(params.file).endsWith(".mp4")) return; // on to the fake's own handler
        arrived++;
        await waitFor(
          () => arrived,
          (count) => count >= 2,
          5000,
        );
      }),
    );
    const outcomes = await Promise.all([copyVideoMedia(video.id), copyVideoMedia(video.id)]);
    expect(arrived).toBe(2);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(["lost_race", "stored"]);
    const winner = outcomes.find((outcome) => outcome.kind === "stored")!;
    const row = await reload(video.id);
    expect(row.storedMedia).toEqual(JSON.parse(JSON.stringify((winner as { media: unknown }).media)));
    const keys = Object.values(parseStoredMedia(row.storedMedia)!.files).map((file) => path.basename(file!.key));
    expect(await filesOf(video.id)).toEqual(keys.sort());
    for (const file of Object.values(parseStoredMedia(row.storedMedia)!.files)) {
      expect(sha256(await fs.readFile(path.join(MEDIA_DIR, file!.key)))).toBe(file!.sha256);
    }
    // A third run finds it stored and does nothing.
    expect(await copyVideoMedia(video.id)).toEqual({ kind: "skipped", reason: "already_stored" });
  });

  it("does not copy a video that is not completed", async () => {
    const video = await db.video.create({ data: { ...videoRow, status: "PROCESSING" } });
    expect(await copyVideoMedia(video.id)).toEqual({ kind: "skipped", reason: "not_completed" });
    expect((await reload(video.id)).mediaCopyAttempts).toBe(0);
  });
});

describe("POST /api/admin/videos/[id]/media-copy (Retry)", () => {
  const retry = async (id: string, cookie?: string) => {
    const response = await retryRoute(jsonRequest(`/api/admin/videos/${id}/media-copy`, {}, { cookie }), {
      params: Promise.resolve({ id }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("clears a given-up copy and enqueues it again: 202 { queued: true }", async () => {
    const video = await completedVideo({
      mediaCopyAttempts: 8,
      mediaCopyError: "HeyGen's MP4 answered HTTP 403.",
      mediaCopyFailedAt: new Date(),
    });
    expect(await retry(video.id)).toMatchObject({ status: 401 });
    expect(await copyJobs(video.id)).toBe(0);

    expect(await retry(video.id, await adminCookie())).toEqual({ status: 202, body: { queued: true } });
    expect(await reload(video.id)).toMatchObject({
      mediaCopyAttempts: 0,
      mediaCopyError: null,
      mediaCopyFailedAt: null,
    });
    expect(await copyJobs(video.id)).toBe(1);
    await startWorker();
    expect((await waitForStored(video.id)).storedMedia).not.toBeNull();
  });

  it("answers 404 for no such video, 409 for one not completed or already stored", async () => {
    const cookie = await adminCookie();
    expect(await retry("nosuchvideo0000000000000", cookie)).toMatchObject({ status: 404 });
    const rendering = await db.video.create({ data: { ...videoRow, status: "PROCESSING" } });
    expect(await retry(rendering.id, cookie)).toMatchObject({
      status: 409,
      body: { error: { code: "conflict", message: expect.stringContaining("not completed") } },
    });
    const stored = await completedVideo();
    expect(await copyVideoMedia(stored.id)).toMatchObject({ kind: "stored" });
    expect(await retry(stored.id, cookie)).toMatchObject({
      status: 409,
      body: { error: { code: "conflict", message: "This video's media is already stored." } },
    });
    expect(await copyJobs(rendering.id)).toBe(0);
  });
});
