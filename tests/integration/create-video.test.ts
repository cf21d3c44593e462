import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { GET as listVideosRoute, POST as createVideoRoute } from "@/app/api/videos/route";
import { db } from "@/server/db";
import { fakeHeygen, heygenServer } from "../support/heygen";
import { adminCookie, getRequest, jsonRequest, validVideoInput } from "../support/requests";
import { TEST_ENV } from "../support/test-env";

const GENERATE_URL = `${TEST_ENV.HEYGEN_API_URL}/v2/video/generate`;

async function generate(body: unknown, cookie?: string) {
  return createVideoRoute(jsonRequest("/api/videos", body, { cookie: cookie ?? (await adminCookie()) }));
}

describe("POST /api/videos", () => {
  it("records the video, asks HeyGen to render it and answers 201 with the video", async () => {
    const response = await generate(validVideoInput);
    expect(response.status).toBe(201);
    const video = await response.json();
    expect(video).toMatchObject({ title: "Welcome", status: "PROCESSING", width: 1920, height: 1080, videoUrl: null });

    const row = await db.video.findUniqueOrThrow({ where: { id: video.id } });
    expect(row.status).toBe("PROCESSING");
    expect(row.heygenVideoId).toBeTruthy();

    const job = fakeHeygen.jobs.get(row.heygenVideoId!);
    expect(job).toMatchObject({
      callbackId: row.id,
      callbackUrl: `${TEST_ENV.NEXT_PUBLIC_APP_URL}/api/heygen/callback`,
      inputText: validVideoInput.script,
      avatarId: validVideoInput.avatarId,
      voiceId: validVideoInput.voiceId,
      width: 1920,
      height: 1080,
    });
    expect(JSON.stringify(video)).not.toContain(TEST_ENV.HEYGEN_API_KEY);
  });

  it("refuses without an admin session and writes nothing", async () => {
    const response = await createVideoRoute(jsonRequest("/api/videos", validVideoInput));
    expect(response.status).toBe(401);
    const forged = await createVideoRoute(jsonRequest("/api/videos", validVideoInput, { cookie: "admin_session=forged" }));
    expect(forged.status).toBe(401);
    expect(await db.video.count()).toBe(0);
  });

  it.each([
    ["script", { script: "" }],
    ["script", { script: "x".repeat(5001) }],
    ["title", { title: "   " }],
    ["avatarId", { avatarId: "" }],
    ["voiceId", { voiceId: undefined }],
    ["width", { width: 1081 }],
    ["height", { height: 64 }],
    ["width", { width: 5000 }],
    ["height", { height: "1080" }],
  ])("answers 400 naming %s for bad input, and writes nothing", async (field, change) => {
    const response = await generate({ ...validVideoInput, ...change });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: "invalid_input", field });
    expect(body.error.message).toContain(field);
    expect(await db.video.count()).toBe(0);
    expect(fakeHeygen.jobs.size).toBe(0);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const response = await generate("{not json");
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_json");
    expect(await db.video.count()).toBe(0);
  });

  it.each([
    [400, "video_inputs is invalid: field required", { data: null, error: { code: "invalid_parameter", message: "video_inputs is invalid: field required" } }],
    [401, "Unauthorized", { data: null, error: { code: "internal_error", message: "Unauthorized" } }],
    [429, "It seems you've reached your daily api trial limit 5.", { data: null, error: { code: "trial_video_limit_exceeded", message: "It seems you've reached your daily api trial limit 5." } }],
    [500, "Internal server error", { code: 50000, message: "Internal server error" }],
  ])("HeyGen %i: marks the video FAILED with HeyGen's message and answers 502", async (status, message, body) => {
    heygenServer.use(http.post(GENERATE_URL, () => HttpResponse.json(body, { status })));
    const response = await generate(validVideoInput);
    expect(response.status).toBe(502);
    const answer = await response.json();
    expect(answer.error).toMatchObject({ code: "heygen_rejected", message, heygenStatus: status });
    expect(answer.video.status).toBe("FAILED");

    const row = await db.video.findUniqueOrThrow({ where: { id: answer.video.id } });
    expect(row).toMatchObject({ status: "FAILED", error: message, heygenVideoId: null });
    expect(row.completedAt).not.toBeNull();
  });

  it("keeps the video PENDING when HeyGen cannot be reached, since the job may exist", async () => {
    heygenServer.use(http.post(GENERATE_URL, () => HttpResponse.error()));
    const response = await generate(validVideoInput);
    expect(response.status).toBe(504);
    const answer = await response.json();
    expect(answer.error.code).toBe("heygen_unreachable");
    const row = await db.video.findUniqueOrThrow({ where: { id: answer.video.id } });
    expect(row.status).toBe("PENDING");
  });

  it("sends the real API key and no callback id other than the row id", async () => {
    let seen: { key: string | null; callbackId: unknown } | null = null;
    heygenServer.use(
      http.post(GENERATE_URL, async ({ request }) => {
        const body = (await request.clone().json()) as { callback_id: unknown };
        seen = { key: request.headers.get("x-api-key"), callbackId: body.callback_id };
        return HttpResponse.json({ error: null, data: { video_id: "vid_1" } });
      }),
    );
    const response = await generate(validVideoInput);
    const video = await response.json();
    expect(seen).toEqual({ key: TEST_ENV.HEYGEN_API_KEY, callbackId: video.id });
  });
});

describe("GET /api/videos", () => {
  it("lists completed videos for the public and every video for an admin", async () => {
    const base = { ...validVideoInput, width: 1080, height: 1080 };
    await db.video.createMany({
      data: [
        { ...base, title: "done", status: "COMPLETED", videoUrl: "https://cdn.test/a.mp4", completedAt: new Date() },
        { ...base, title: "rendering", status: "PROCESSING", heygenVideoId: "h1" },
        { ...base, title: "broken", status: "FAILED", error: "nope" },
      ],
    });
    const publicList = await (await listVideosRoute(getRequest("/api/videos"))).json();
    expect(publicList.videos.map((v: { title: string }) => v.title)).toEqual(["done"]);

    const adminList = await (await listVideosRoute(getRequest("/api/videos", await adminCookie()))).json();
    expect(adminList.videos.map((v: { title: string }) => v.title).sort()).toEqual(["broken", "done", "rendering"]);
  });
});
