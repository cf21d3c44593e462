import { describe, expect, it } from "vitest";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { VOICE_PITCH_MAX, VOICE_PITCH_MIN, VOICE_SPEED_MAX, VOICE_SPEED_MIN } from "@/lib/limits";
import { FAKE_IDS } from "@/mocks/heygen/fake-heygen";
import { db } from "@/server/db";
import { A_VOICE, fakeHeygen, heygenRequests, PORTRAIT_LOOK } from "../support/heygen";
import { adminCookie, jsonRequest, validVideoInput } from "../support/requests";
import { CALLBACK_URL } from "../support/test-env";

/** A photo look: the only kind that takes expressiveness (on Avatar IV). It has no voice of its own. */
const PHOTO = { avatarId: FAKE_IDS.looks.photoNoDefaultVoice, voiceId: A_VOICE.voice_id };

async function generate(body: unknown) {
  const response = await createVideoRoute(jsonRequest("/api/videos", body, { cookie: await adminCookie() }));
  return { status: response.status, body: await response.json() };
}

const onlyJob = () => {
  expect(fakeHeygen.jobs.size).toBe(1);
  return [...fakeHeygen.jobs.values()][0]!;
};

/** The request HeyGen gets for validVideoInput with no options: our defaults (sidecar captions, mp4) and nothing else. */
const baseRequest = (videoId: string, input: { avatarId?: string; voiceId?: string } = {}) => ({
  type: "avatar",
  avatar_id: input.avatarId ?? validVideoInput.avatarId,
  script: validVideoInput.script,
  voice_id: input.voiceId ?? validVideoInput.voiceId,
  title: validVideoInput.title,
  aspect_ratio: "16:9",
  resolution: "1080p",
  caption: { file_format: "srt" },
  output_format: "mp4",
  callback_id: videoId,
  callback_url: CALLBACK_URL,
});

describe("POST /api/videos: every generation option reaches HeyGen exactly", () => {
  it("no options: only the defaults the app relies on (sidecar captions, mp4), nothing else", async () => {
    const { status, body } = await generate(validVideoInput);
    expect(status).toBe(201);
    expect(onlyJob().request).toEqual(baseRequest(body.id));
    const row = await db.video.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.options).toEqual({ captions: "sidecar", outputFormat: "mp4" });
  });

  it.each([
    ["engine", { engine: "avatar_iii" }, {}, { engine: { type: "avatar_iii" } }],
    [
      "engine (avatar_v, on a look that supports it)",
      { engine: "avatar_v" },
      { avatarId: PORTRAIT_LOOK.id },
      { engine: { type: "avatar_v" } },
    ],
    ["voice speed alone", { voiceSpeed: 1.25 }, {}, { voice_settings: { speed: 1.25 } }],
    ["voice pitch alone", { voicePitch: -12 }, {}, { voice_settings: { pitch: -12 } }],
    ["voice locale alone", { voiceLocale: "en-GB" }, {}, { voice_settings: { locale: "en-GB" } }],
    [
      "speed, pitch and locale together",
      { voiceSpeed: 0.5, voicePitch: 50, voiceLocale: "es-MX" },
      {},
      { voice_settings: { speed: 0.5, pitch: 50, locale: "es-MX" } },
    ],
    // The app's own limits, at both ends: HeyGen (the fake keeps HeyGen's documented ranges) must accept them.
    [
      "the fastest, lowest voice the app allows",
      { voiceSpeed: VOICE_SPEED_MAX, voicePitch: VOICE_PITCH_MIN },
      {},
      { voice_settings: { speed: VOICE_SPEED_MAX, pitch: VOICE_PITCH_MIN } },
    ],
    [
      "the slowest, highest voice the app allows",
      { voiceSpeed: VOICE_SPEED_MIN, voicePitch: VOICE_PITCH_MAX },
      {},
      { voice_settings: { speed: VOICE_SPEED_MIN, pitch: VOICE_PITCH_MAX } },
    ],
    [
      "a background colour",
      { background: { type: "color", value: "#1E40AF" } },
      {},
      { background: { type: "color", value: "#1E40AF" } },
    ],
    [
      "a background image",
      { background: { type: "image", url: "https://images.example.com/office.jpg" } },
      {},
      { background: { type: "image", url: "https://images.example.com/office.jpg" } },
    ],
    ["captions burned in", { captions: "burned" }, {}, { caption: { file_format: "srt", style: "default" } }],
    ["expressiveness (a photo look)", { expressiveness: "high" }, PHOTO, { expressiveness: "high" }],
    [
      "a motion prompt (a photo look)",
      { motionPrompt: "  Nods, then smiles.  " },
      PHOTO,
      { motion_prompt: "Nods, then smiles." },
    ],
    ["remove background", { removeBackground: true }, {}, { remove_background: true }],
    ["output format webm", { outputFormat: "webm" }, {}, { output_format: "webm" }],
  ])("%s", async (_label, options, input: { avatarId?: string; voiceId?: string }, expected) => {
    const { status, body } = await generate({ ...validVideoInput, ...input, options });
    expect(status).toBe(201);
    expect(onlyJob().request).toEqual({ ...baseRequest(body.id, input), ...expected });
    const row = await db.video.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.options).toEqual(
      expect.objectContaining({
        captions: "sidecar",
        outputFormat: "mp4",
        ...options,
        ...("motionPrompt" in options ? { motionPrompt: "Nods, then smiles." } : {}),
      }),
    );
  });

  it("burned captions give HeyGen's captioned render too; webm is answered as webm", async () => {
    await generate({ ...validVideoInput, options: { captions: "burned", outputFormat: "webm" } });
    expect(onlyJob()).toMatchObject({ captioned: true, outputFormat: "webm" });
  });
});

describe("POST /api/videos: a bad option is a 400 naming it, with no row and no HeyGen call", () => {
  it.each([
    ["options.engine", { engine: "avatar_x" }],
    ["options.voiceSpeed", { voiceSpeed: 1.6 }],
    ["options.voiceSpeed", { voiceSpeed: 0.4 }],
    ["options.voiceSpeed", { voiceSpeed: "fast" }],
    ["options.voicePitch", { voicePitch: -51 }],
    ["options.voicePitch", { voicePitch: 2.5 }],
    ["options.voiceLocale", { voiceLocale: "english" }],
    ["options.background.type", { background: { type: "video", url: "https://example.com/a.mp4" } }],
    ["options.background.value", { background: { type: "color", value: "blue" } }],
    ["options.background.url", { background: { type: "image", url: "http://example.com/a.jpg" } }],
    ["options.captions", { captions: "none" }],
    ["options.expressiveness", { expressiveness: "extreme" }],
    ["options.motionPrompt", { motionPrompt: "   " }],
    ["options.motionPrompt", { motionPrompt: "x".repeat(501) }],
    ["options.removeBackground", { removeBackground: "yes" }],
    ["options.outputFormat", { outputFormat: "mov" }],
    ["options", { fit: "cover" }],
  ])("%s: %o", async (field, options) => {
    const { status, body } = await generate({ ...validVideoInput, options });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_input", field });
    expect(body.error.message.startsWith(`${field} `)).toBe(true);
    expect(await db.video.count()).toBe(0);
    expect(heygenRequests).toEqual([]);
  });
});

describe("POST /api/videos: HeyGen refuses a combination: 400 naming the option, and no video kept", () => {
  it.each([
    ["options.expressiveness", "expressiveness", { expressiveness: "medium" }, {}],
    ["options.expressiveness", "expressiveness", { expressiveness: "medium", engine: "avatar_iii" }, PHOTO],
    ["options.motionPrompt", "motion_prompt", { motionPrompt: "Waves hello." }, {}],
    ["options.motionPrompt", "motion_prompt", { motionPrompt: "Waves hello.", engine: "avatar_iii" }, PHOTO],
    ["options.engine", "engine.type", { engine: "avatar_v" }, {}],
    ["options.background", "background", { outputFormat: "webm", background: { type: "color", value: "#FFFFFF" } }, {}],
  ])("%s (HeyGen's %s)", async (field, param, options, input: { avatarId?: string; voiceId?: string }) => {
    const sent = { ...validVideoInput, ...input, options };
    const { status, body } = await generate(sent);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "heygen_invalid_input", field });
    expect(body.error.message).toContain(`${param} is invalid`);
    expect(await db.video.count()).toBe(0);
    expect(fakeHeygen.jobs.size).toBe(0);
  });
});
