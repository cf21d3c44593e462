import { http, HttpResponse } from "msw";
import type { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { FAKE_MARKERS } from "@/mocks/heygen/fake-heygen";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { fakeHeygen, heygenRequests, heygenServer } from "../support/heygen";
import { adminCookie, jsonRequest, unsigned, validVideoInput, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";

async function createVideo(script = validVideoInput.script) {
  const response = await createVideoRoute(
    jsonRequest("/api/videos", { ...validVideoInput, script }, { cookie: await adminCookie() }),
  );
  const { id } = await response.json();
  heygenRequests.length = 0;
  return db.video.findUniqueOrThrow({ where: { id } });
}

async function deliver(request: NextRequest) {
  const { response, afterResponse } = await callRoute(() => callback(request));
  return { status: response.status, body: await response.json(), afterResponse };
}

const reload = (id: string) => db.video.findUniqueOrThrow({ where: { id } });

/** What an attacker (or HeyGen's unsigned per-job callback) might post. */
const forgedSuccess = (heygenId: string | null, callbackId: string) => ({
  event_id: "evt_forged",
  event_type: "avatar_video.success",
  event_data: { video_id: heygenId, callback_id: callbackId, video_url: "https://evil.test/forged.mp4" },
});

/** What each unsigned hint's check concluded, from the log line it writes once it has run (the after() task). */
function hintChecks() {
  const info = vi.spyOn(logger, "info");
  return () =>
    info.mock.calls
      .filter(([, message]) => message === "unsigned hint checked with HeyGen")
      .map(([fields]) => fields as unknown);
}

/** HeyGen says the video is still rendering, whatever the body claims. */
const heygenSaysProcessing = () =>
  heygenServer.use(
    http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/videos/:id`, ({ params }) =>
      HttpResponse.json({ data: { id: params.id, status: "processing", title: "Welcome" } }),
    ),
  );

describe("POST /api/heygen/callback: unsigned deliveries are hints, never facts", () => {
  it("asks HeyGen about the video after answering 202, and applies what HeyGen's API says", async () => {
    const row = await createVideo();
    const { status, body, afterResponse } = await deliver(unsigned(forgedSuccess(row.heygenVideoId, row.id)));
    expect(status).toBe(202);
    expect(body.outcome).toBe("check_scheduled");
    expect((await reload(row.id)).status).toBe("PROCESSING"); // the body itself changed nothing

    await afterResponse();
    expect(heygenRequests).toEqual([`GET /v3/videos/${row.heygenVideoId}`]);
    const checked = await reload(row.id);
    expect(checked).toMatchObject({ status: "COMPLETED", duration: 5 });
    expect(checked.videoUrl).toMatch(/^https:\/\/api\.heygen\.com\/media\/.+\.mp4\?/); // HeyGen's URL, not the body's
    expect(checked.subtitleUrl).toMatch(/\.srt\?/);
  });

  it("ignores a forged success while HeyGen says the video is still rendering", async () => {
    const row = await createVideo();
    heygenSaysProcessing();
    const checks = hintChecks();
    const { body, afterResponse } = await deliver(unsigned(forgedSuccess(row.heygenVideoId, row.id)));
    expect(body.outcome).toBe("check_scheduled");
    await afterResponse();
    // The check ran: it asked HeyGen, heard "processing", and so changed nothing.
    expect(heygenRequests).toEqual([`GET /v3/videos/${row.heygenVideoId}`]);
    expect(checks()).toEqual([{ videoId: row.id, heygenVideoId: row.heygenVideoId, result: "rendering" }]);
    expect(await reload(row.id)).toMatchObject({ status: "PROCESSING", videoUrl: null });
  });

  it("asks HeyGen at most once per video per 10 s, however many hints arrive", async () => {
    const row = await createVideo();
    heygenSaysProcessing();
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      const { body, afterResponse } = await deliver(unsigned(forgedSuccess(row.heygenVideoId, row.id)));
      await afterResponse();
      outcomes.push(body.outcome);
    }
    expect(outcomes).toEqual(["check_scheduled", "recently_checked", "recently_checked"]);
    expect(heygenRequests).toHaveLength(1);
  });

  it("costs no HeyGen call for unknown videos, finished videos, or bodies naming nothing", async () => {
    const finished = await db.video.create({
      data: {
        ...videoRow,
        status: "COMPLETED",
        heygenVideoId: "done-1",
        videoUrl: "https://cdn.test/v.mp4",
        completedAt: new Date(),
      },
    });
    const cases = [
      [forgedSuccess("nobody", "nobody"), "unknown_video"],
      [forgedSuccess("done-1", finished.id), "finished"],
      [{ hello: "world" }, "no_video_reference"],
      ["not json at all", "no_video_reference"],
    ] as const;
    for (const [payload, outcome] of cases) {
      const { status, body, afterResponse } = await deliver(unsigned(payload));
      await afterResponse();
      expect(status).toBe(202);
      expect(body.outcome).toBe(outcome);
    }
    expect(heygenRequests).toEqual([]);
    expect(await reload(finished.id)).toMatchObject({ videoUrl: "https://cdn.test/v.mp4" });
  });

  it("completes an unconfirmed video (create answer lost) through HeyGen's API, without a registered endpoint", async () => {
    const row = await createVideo(`Hello ${FAKE_MARKERS.gateway502}`);
    expect(row).toMatchObject({ status: "PENDING", heygenVideoId: null });
    const job = [...fakeHeygen.jobs.values()][0]!;

    const { body, afterResponse } = await deliver(unsigned(forgedSuccess(job.videoId, row.id)));
    expect(body.outcome).toBe("check_scheduled");
    await afterResponse();
    expect(await reload(row.id)).toMatchObject({
      status: "COMPLETED",
      heygenVideoId: job.videoId,
      unconfirmedReason: null,
    });
    expect(fakeHeygen.jobs.size).toBe(1);
  });

  it("does not tie an unconfirmed video to a HeyGen video that is not its own", async () => {
    const row = await createVideo(`Hello ${FAKE_MARKERS.gateway502}`);
    // Another video of the same HeyGen account, with another title.
    const other = await fetch(`${TEST_ENV.HEYGEN_API_URL}/v3/videos`, {
      method: "POST",
      headers: { "x-api-key": TEST_ENV.HEYGEN_API_KEY, "content-type": "application/json" },
      body: JSON.stringify({
        type: "avatar",
        avatar_id: validVideoInput.avatarId,
        script: "Someone else's video",
        title: "Other",
      }),
    });
    const otherId = ((await other.json()) as { data: { video_id: string } }).data.video_id;
    heygenRequests.length = 0;

    const checks = hintChecks();
    const { body, afterResponse } = await deliver(unsigned(forgedSuccess(otherId, row.id)));
    expect(body.outcome).toBe("check_scheduled");
    await afterResponse();
    // The check ran: it asked HeyGen about that video and found it is not this one's.
    expect(heygenRequests).toEqual([`GET /v3/videos/${otherId}`]);
    expect(checks()).toEqual([{ videoId: row.id, heygenVideoId: otherId, result: "not_ours" }]);
    expect(await reload(row.id)).toMatchObject({ status: "PENDING", heygenVideoId: null, videoUrl: null });
  });
});
