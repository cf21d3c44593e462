import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { FAKE_MARKERS } from "@/mocks/heygen/fake-heygen";
import { db } from "@/server/db";
import { fakeHeygen, heygenServer, LOOK_WITHOUT_VOICE, PORTRAIT_LOOK } from "../support/heygen";
import { adminCookie, jsonRequest, replayDelivery, validVideoInput } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { CALLBACK_URL, TEST_ENV } from "../support/test-env";
import { waitFor } from "../support/wait-for";

const CREATE_URL = `${TEST_ENV.HEYGEN_API_URL}/v3/videos`;

async function generate(body: unknown) {
  const response = await createVideoRoute(jsonRequest("/api/videos", body, { cookie: await adminCookie() }));
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const onlyJob = () => {
  expect(fakeHeygen.jobs.size).toBe(1);
  return [...fakeHeygen.jobs.values()][0]!;
};

describe("POST /api/videos: a confirmed create", () => {
  it("records the video, sends HeyGen the v3 create request field by field, and answers 201", async () => {
    const { status, body: video } = await generate(validVideoInput);
    expect(status).toBe(201);
    expect(video).toMatchObject({
      title: "Welcome",
      status: "PROCESSING",
      aspectRatio: "16:9",
      resolution: "1080p",
      unconfirmed: false,
    });

    const row = await db.video.findUniqueOrThrow({ where: { id: video.id } });
    const job = onlyJob();
    expect(row.heygenVideoId).toBe(job.videoId);
    // The exact body HeyGen received: the fake validates it strictly against HeyGen's schema, and here each field.
    expect(job.request).toEqual({
      type: "avatar",
      avatar_id: validVideoInput.avatarId,
      script: validVideoInput.script,
      voice_id: validVideoInput.voiceId,
      title: "Welcome",
      aspect_ratio: "16:9",
      resolution: "1080p",
      caption: { file_format: "srt" },
      output_format: "mp4",
      callback_id: row.id,
      callback_url: CALLBACK_URL,
    });
    expect(job.idempotencyKey).toBe(row.id);
    expect(JSON.stringify(video)).not.toContain(TEST_ENV.HEYGEN_API_KEY);
  });

  it("sends no voice_id for the look's own voice, and a portrait preset as HeyGen names it", async () => {
    const { status } = await generate({
      ...validVideoInput,
      avatarId: PORTRAIT_LOOK.id,
      voiceId: "",
      aspectRatio: "9:16",
      resolution: "4k",
    });
    expect(status).toBe(201);
    const job = onlyJob();
    expect(job.request).not.toHaveProperty("voice_id");
    expect(job.request).toMatchObject({ avatar_id: PORTRAIT_LOOK.id, aspect_ratio: "9:16", resolution: "4k" });
    expect(job.voiceId).toBe(PORTRAIT_LOOK.default_voice_id);
  });

  it("maps the width and height older clients send to the nearest preset", async () => {
    const { voiceId, avatarId, title, script } = validVideoInput;
    const { status, body } = await generate({ title, script, avatarId, voiceId, width: 1080, height: 1920 });
    expect(status).toBe(201);
    expect(body).toMatchObject({ aspectRatio: "9:16", resolution: "1080p" });
    expect(onlyJob().request).toMatchObject({ aspect_ratio: "9:16", resolution: "1080p" });
  });

  it("accepts a 4,999-character script and refuses 5,000 before calling HeyGen", async () => {
    expect((await generate({ ...validVideoInput, script: "x".repeat(4_999) })).status).toBe(201);
    const refused = await generate({ ...validVideoInput, script: "x".repeat(5_000) });
    expect(refused.status).toBe(400);
    // The Studio shows these same words as the script is typed (GenerateForm.test.tsx).
    expect(refused.body.error).toMatchObject({
      field: "script",
      message: "Keep the script to 4,999 characters or fewer: HeyGen takes no more.",
    });
    expect(fakeHeygen.jobs.size).toBe(1);
  });
});

describe("POST /api/videos: bad input", () => {
  it("refuses without an admin session and writes nothing", async () => {
    for (const cookie of [undefined, "admin_session=forged"]) {
      const response = await createVideoRoute(jsonRequest("/api/videos", validVideoInput, { cookie }));
      expect(response.status).toBe(401);
    }
    expect(await db.video.count()).toBe(0);
  });

  // The Studio's own fields are refused in sentences it shows as they are; the others name the field.
  it.each([
    ["script", { script: "" }, "Write what the avatar says."],
    ["title", { title: "   " }, "Give the video a title."],
    ["avatarId", { avatarId: "" }, "Pick a look."],
    ["aspectRatio", { aspectRatio: "21:9" }, /^aspectRatio must be one of/],
    ["aspectRatio", { aspectRatio: undefined }, "aspectRatio is required"],
    ["resolution", { resolution: "8k" }, /^resolution must be one of/],
    ["voiceId", { voiceId: 42 }, /^voiceId /],
    ["width", { aspectRatio: undefined, width: 1081, height: 1080 }, "width must be even"],
    ["height", { aspectRatio: undefined, width: 1080 }, "height is required"],
  ])("answers 400 naming %s, and writes nothing", async (field, change, message) => {
    const { status, body } = await generate({ ...validVideoInput, ...change });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_input", field });
    expect(body.error.message).toMatch(message);
    expect(await db.video.count()).toBe(0);
    expect(fakeHeygen.jobs.size).toBe(0);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const { status, body } = await generate("{not json");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_json");
    expect(await db.video.count()).toBe(0);
  });
});

describe("POST /api/videos: HeyGen refuses (its own error envelope with a 4xx: nothing was created, nothing kept)", () => {
  it("402: a clear message about credits, and no video", async () => {
    const { status, body } = await generate({ ...validVideoInput, script: `Hi ${FAKE_MARKERS.insufficientCredit}` });
    expect(status).toBe(402);
    expect(body.error).toMatchObject({ code: "heygen_no_credits", message: expect.stringMatching(/out of credits/) });
    expect(body.video).toBeUndefined();
    expect(fakeHeygen.jobs.size).toBe(0);
    expect(await db.video.count()).toBe(0);
  });

  it("429: saying when to try again, with Retry-After, and no video", async () => {
    const { status, headers, body } = await generate({ ...validVideoInput, script: `Hi ${FAKE_MARKERS.rateLimited}` });
    expect(status).toBe(429);
    expect(headers.get("retry-after")).toBe("30");
    expect(body.error.message).toMatch(/busy.*30 s/);
    expect(await db.video.count()).toBe(0);
  });

  it("400 naming a field: HeyGen's message, the field as the API names it, and no video", async () => {
    const { status, body } = await generate({ ...validVideoInput, avatarId: LOOK_WITHOUT_VOICE.id, voiceId: null });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "heygen_invalid_input", field: "voiceId" });
    expect(body.error.message).toContain("voice_id");
    expect(await db.video.count()).toBe(0);
  });

  it("401 (a bad API key): telling the admin to check the key in Settings or HEYGEN_API_KEY, and no video", async () => {
    heygenServer.use(
      http.post(CREATE_URL, () =>
        HttpResponse.json({ error: { code: "unauthorized", message: "Invalid API key" } }, { status: 401 }),
      ),
    );
    const { status, body } = await generate(validVideoInput);
    expect(status).toBe(502);
    expect(body.error.message).toMatch(/check it in Settings \(or HEYGEN_API_KEY\)/);
    expect(await db.video.count()).toBe(0);
  });
});

describe("POST /api/videos: HeyGen's answer is lost or unreadable (the job may exist)", () => {
  it.each([
    ["a gateway's 502 page after HeyGen accepted", FAKE_MARKERS.gateway502],
    ["a create that hangs past the client timeout", FAKE_MARKERS.hang],
    ["an unreadable 200", FAKE_MARKERS.unreadable200],
  ])("%s: stays PENDING, unconfirmed, answered 202, never resent", async (_label, marker) => {
    const { status, body } = await generate({ ...validVideoInput, script: `Hello ${marker}` });
    expect(status).toBe(202);
    expect(body).toMatchObject({ status: "PENDING", unconfirmed: true });
    const row = await db.video.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ status: "PENDING", heygenVideoId: null, unconfirmedReason: expect.any(String) });
    expect(fakeHeygen.jobs.size).toBe(1); // exactly one job: nothing was resent
  });

  // Issue 16, bug 7: the hung create used to answer `unconfirmed: false` when HeyGen's webhook (8 s in the fake,
  // before the 20 s timeout) had confirmed the job meanwhile, and the Studio showed it as a plain success.
  it("every lost answer reads the same, even a hung create whose webhook completes the video during the wait", async () => {
    const answers = [];
    for (const marker of [FAKE_MARKERS.gateway502, FAKE_MARKERS.unreadable200]) {
      answers.push(await generate({ ...validVideoInput, script: `Hello ${marker}` }));
    }
    fakeHeygen.reset();
    const hung = generate({ ...validVideoInput, script: `Hello ${FAKE_MARKERS.hang}` });
    const delivery = await waitFor(() => fakeHeygen.outbox[0], Boolean);
    const webhook = await callRoute(() => callback(replayDelivery(delivery!)));
    expect(webhook.response.status).toBe(200);
    await webhook.afterResponse();
    answers.push(await hung);
    expect((await db.video.findUniqueOrThrow({ where: { id: answers[2]!.body.id } })).status).toBe("COMPLETED");

    expect(answers.map(({ status, body }) => ({ status, unconfirmed: body.unconfirmed }))).toEqual(
      Array(3).fill({ status: 202, unconfirmed: true }),
    );
  });

  it.each([
    [
      "a 500 with HeyGen's envelope",
      () => HttpResponse.json({ error: { code: "internal_error", message: "boom" } }, { status: 500 }),
    ],
    [
      "a 4xx that is not HeyGen's envelope",
      () => new HttpResponse("<html>403 Forbidden</html>", { status: 403, headers: { "content-type": "text/html" } }),
    ],
    ["a network error", () => HttpResponse.error()],
  ])("%s: stays PENDING and unconfirmed", async (_label, answer) => {
    heygenServer.use(http.post(CREATE_URL, answer));
    const { status, body } = await generate(validVideoInput);
    expect(status).toBe(202);
    expect(body).toMatchObject({ status: "PENDING", unconfirmed: true });
  });
});
