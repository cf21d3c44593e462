import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as regenerateRoute } from "@/app/api/admin/videos/[id]/regenerate/route";
import { GET as listAdminVideos } from "@/app/api/admin/videos/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { FAKE_MARKERS } from "@/mocks/heygen/fake-heygen";
import { db } from "@/server/db";
import { fakeHeygen, heygenRequests } from "../support/heygen";
import { adminCookie, getRequest, jsonRequest, validVideoInput, videoRow } from "../support/requests";
import { TEST_ENV } from "../support/test-env";

/** Options the studio offers, set away from their defaults (webm would refuse the background: HeyGen removes it). */
const OPTIONS = {
  engine: "avatar_iv",
  voiceSpeed: 1.2,
  voicePitch: -5,
  voiceLocale: "en-GB",
  background: { type: "color", value: "#112233" },
  captions: "burned",
  removeBackground: true,
  outputFormat: "mp4",
};

async function regenerate(id: string, init: { cookie?: string | null; key?: string } = {}) {
  const cookie = init.cookie === null ? undefined : (init.cookie ?? (await adminCookie()));
  const request = new NextRequest(`${TEST_ENV.APP_URL}/api/admin/videos/${id}/regenerate`, {
    method: "POST",
    headers: { ...(cookie ? { cookie } : {}), ...(init.key ? { "idempotency-key": init.key } : {}) },
  });
  const response = await regenerateRoute(request, { params: Promise.resolve({ id }) });
  return { status: response.status, body: await response.json() };
}

/** A video made through POST /api/videos, as the studio makes it, and the job HeyGen received for it. */
async function generatedVideo(cookie: string) {
  const response = await createVideoRoute(
    jsonRequest("/api/videos", { ...validVideoInput, options: OPTIONS }, { cookie }),
  );
  const { id } = await response.json();
  return { row: await db.video.findUniqueOrThrow({ where: { id } }), job: jobOf(id) };
}

const jobOf = (videoId: string) => [...fakeHeygen.jobs.values()].find((job) => job.callbackId === videoId)!;

describe("POST /api/admin/videos/[id]/regenerate", () => {
  it("sends HeyGen the original's request again, as a new video linked to the original, which stays as it was", async () => {
    const cookie = await adminCookie();
    const made = await generatedVideo(cookie);
    // Finished first: a video still rendering is not regenerated (below).
    const original = {
      ...made,
      row: await db.video.update({
        where: { id: made.row.id },
        data: { status: "COMPLETED", completedAt: new Date() },
      }),
    };

    const { status, body } = await regenerate(original.row.id, { cookie });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      title: validVideoInput.title,
      status: "PROCESSING",
      aspectRatio: "16:9",
      resolution: "1080p",
    });
    expect(body.id).not.toBe(original.row.id);

    // The exact body HeyGen received: every field and option of the original's, under the new video's own id.
    const job = jobOf(body.id);
    expect(job.request).toEqual({ ...original.job.request, callback_id: body.id });
    expect(job.request).toMatchObject({
      avatar_id: validVideoInput.avatarId,
      voice_id: validVideoInput.voiceId,
      script: validVideoInput.script,
      title: validVideoInput.title,
      aspect_ratio: "16:9",
      resolution: "1080p",
    });
    expect(job.idempotencyKey).toBe(body.id);
    expect(fakeHeygen.jobs.size).toBe(2);

    const copy = await db.video.findUniqueOrThrow({ where: { id: body.id } });
    expect(copy).toMatchObject({ regeneratedFromId: original.row.id, heygenVideoId: job.videoId, options: OPTIONS });
    expect(await db.video.findUniqueOrThrow({ where: { id: original.row.id } })).toEqual(original.row);

    const list = await (await listAdminVideos(getRequest("/api/admin/videos", cookie))).json();
    expect(
      list.videos.map((video: { id: string; regenerationIds: string[] }) => [video.id, video.regenerationIds]),
    ).toEqual([
      [body.id, []],
      [original.row.id, [body.id]],
    ]);
  });

  it("makes one new video and one HeyGen job for repeats of one Idempotency-Key, even concurrent ones", async () => {
    const cookie = await adminCookie();
    const original = await db.video.create({ data: { ...videoRow, status: "COMPLETED" } });
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => regenerate(original.id, { cookie, key: "regenerate-click-1" })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(fakeHeygen.jobs.size).toBe(1);
    expect(heygenRequests.filter((line) => line === "POST /v3/videos")).toHaveLength(1);
    expect(await db.video.count({ where: { regeneratedFromId: original.id } })).toBe(1);

    await regenerate(original.id, { cookie, key: "regenerate-click-2" });
    expect(fakeHeygen.jobs.size).toBe(2);
  });

  it.each([
    ["HeyGen refuses for want of credits", FAKE_MARKERS.insufficientCredit, 402, "heygen_no_credits"],
    ["HeyGen is rate limiting", FAKE_MARKERS.rateLimited, 429, "heygen_rate_limited"],
  ])("answers as a create does when %s: the code, and no new video", async (_, marker, status, code) => {
    const original = await db.video.create({ data: { ...videoRow, script: `Hello ${marker}`, status: "COMPLETED" } });
    const answer = await regenerate(original.id);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.video).toBeUndefined();
    expect(await db.video.findMany({ select: { id: true } })).toEqual([{ id: original.id }]);
  });

  it("answers 202 when HeyGen's answer to the new create is lost", async () => {
    const original = await db.video.create({
      data: { ...videoRow, script: `Hello ${FAKE_MARKERS.gateway502}`, status: "COMPLETED" },
    });
    const answer = await regenerate(original.id);
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ status: "PENDING", unconfirmed: true });
  });

  it.each(["PENDING", "PROCESSING"] as const)(
    "refuses a video still rendering (%s) with a 409 saying so, making nothing and calling HeyGen for nothing",
    async (status) => {
      const original = await db.video.create({ data: { ...videoRow, status } });
      const answer = await regenerate(original.id, { key: "regenerate-too-early" });
      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({
        code: "conflict",
        message: "This video is still rendering: regenerate it once it is ready or has failed, if it is still needed.",
      });
      expect(heygenRequests).toEqual([]);
      expect(await db.video.count()).toBe(1);
      expect(await db.video.findUniqueOrThrow({ where: { id: original.id } })).toEqual(original);
    },
  );

  it("regenerates a failed video", async () => {
    const original = await db.video.create({ data: { ...videoRow, status: "FAILED", error: "RENDER_FAILED" } });
    const answer = await regenerate(original.id);
    expect(answer.status).toBe(201);
    expect(await db.video.findUniqueOrThrow({ where: { id: answer.body.id } })).toMatchObject({
      regeneratedFromId: original.id,
    });
  });

  it("answers 404 for an unknown or malformed id, and 401 without a session, calling HeyGen for none", async () => {
    for (const id of ["abcdefghijklmnopqrstuvwx", "../../etc/passwd", "nul\u0000id"]) {
      const answer = await regenerate(id);
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe("not_found");
    }
    const original = await db.video.create({ data: { ...videoRow, status: "COMPLETED" } });
    expect((await regenerate(original.id, { cookie: null })).status).toBe(401);
    expect(heygenRequests).toEqual([]);
    expect(await db.video.count()).toBe(1);
  });

  it("refuses a malformed Idempotency-Key with a 400 naming it", async () => {
    const original = await db.video.create({ data: { ...videoRow, status: "COMPLETED" } });
    const answer = await regenerate(original.id, { key: "has spaces" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe("Idempotency-Key");
    expect(fakeHeygen.jobs.size).toBe(0);
  });
});
