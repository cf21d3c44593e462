import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as searchRoute } from "@/app/api/admin/catalogue/voices/search/route";
import { fakeVoices } from "@/mocks/heygen/fake-heygen";
import { logger } from "@/server/logger";
import { heygenRequests, heygenServer } from "../support/heygen";
import { adminCookie, jsonRequest } from "../support/requests";
import { TEST_ENV } from "../support/test-env";

const HEYGEN_SEARCH = `${TEST_ENV.HEYGEN_API_URL}/v3/voices`;

let cookie: string;
let sentToHeygen: unknown[];
beforeEach(async () => {
  cookie = await adminCookie();
  sentToHeygen = [];
  // Records each body HeyGen receives, then lets the fake answer it.
  heygenServer.use(
    http.post(HEYGEN_SEARCH, async ({ request }) => {
      sentToHeygen.push(await request.clone().json());
      return undefined;
    }),
  );
});

async function search(body: unknown, withCookie = true) {
  const response = await searchRoute(
    jsonRequest("/api/admin/catalogue/voices/search", body, withCookie ? { cookie } : {}),
  );
  return { status: response.status, body: await response.json() };
}

const publicFemale = fakeVoices.filter((voice) => voice.type === "public" && voice.gender === "female");

describe("POST /api/admin/catalogue/voices/search (HeyGen's “describe the voice”)", () => {
  it("sends HeyGen's POST /v3/voices exactly the description, filters and seed, and lists what it found", async () => {
    const { status, body } = await search({ prompt: "  warm, confident narrator ", gender: "female", locale: "en-US" });
    expect(status).toBe(200);
    expect(sentToHeygen).toEqual([{ prompt: "warm, confident narrator", gender: "female", locale: "en-US", seed: 0 }]);
    expect(heygenRequests).toEqual(["POST /v3/voices"]);
    const english = publicFemale.filter((voice) => voice.language === "English");
    expect(body).toEqual({
      seed: 0,
      items: english.slice(0, 3).map((voice) => ({
        id: voice.voice_id,
        name: voice.name,
        language: "English",
        gender: "female",
        previewAudioUrl: expect.stringMatching(/\.mp3\?Expires=/),
        ownership: "public",
      })),
    });
  });

  it("asks for the next batch with the next seed, and sends no filter it was not given", async () => {
    const { body } = await search({ prompt: "any voice", seed: 1 });
    expect(sentToHeygen).toEqual([{ prompt: "any voice", seed: 1 }]);
    expect(body.seed).toBe(1);
    expect(body.items.map((voice: { id: string }) => voice.id)).toEqual(
      fakeVoices
        .filter((voice) => voice.type === "public")
        .slice(3, 6)
        .map((voice) => voice.voice_id),
    );
  });

  it.each([
    [{}, "prompt", /prompt is required/],
    [{ prompt: "   " }, "prompt", /prompt is required/],
    [{ prompt: "x".repeat(301) }, "prompt", /prompt must be at most 300 characters/],
    [{ prompt: "calm", gender: "robot" }, "gender", /gender must be female or male/],
    [{ prompt: "calm", locale: "english please" }, "locale", /locale must be a locale such as en-US/],
    [{ prompt: "calm", seed: -1 }, "seed", /seed must be 0 or more/],
    [{ prompt: "calm", voice: "extra" }, "", /voice/],
  ])("refuses %j with a 400 naming the field, and asks HeyGen nothing", async (input, field, message) => {
    const { status, body } = await search(input);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_input", message: expect.stringMatching(message) });
    if (field) expect(body.error.field).toBe(field);
    expect(heygenRequests).toEqual([]);
  });

  it("answers 401 without an admin session, and asks HeyGen nothing", async () => {
    const { status } = await search({ prompt: "calm" }, false);
    expect(status).toBe(401);
    expect(heygenRequests).toEqual([]);
  });

  it("says clearly when HeyGen cannot be reached, and when it refuses", async () => {
    heygenServer.use(http.post(HEYGEN_SEARCH, () => HttpResponse.error()));
    const down = await search({ prompt: "calm" });
    expect(down.status).toBe(503);
    expect(down.body.error).toEqual({
      code: "heygen_unavailable",
      message: expect.stringMatching(
        /^HeyGen could not be reached to search its voices \(.+\)\. Try again in a minute/,
      ),
    });

    heygenServer.use(
      http.post(HEYGEN_SEARCH, () =>
        HttpResponse.json(
          { error: { code: "invalid_parameter", message: "locale is invalid: unsupported", param: "locale" } },
          { status: 400 },
        ),
      ),
    );
    const refused = await search({ prompt: "calm", locale: "xx-XX" });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({
      code: "heygen_invalid_input",
      field: "locale",
      message: "HeyGen refused the locale: locale is invalid: unsupported",
    });
  });

  it("logs HeyGen's own code, status and words with the request, and answers the admin's message only", async () => {
    const lines: Array<Record<string, unknown>> = [];
    vi.spyOn(logger, "info").mockImplementation(((line: Record<string, unknown>) => void lines.push(line)) as never);
    heygenServer.use(
      http.post(HEYGEN_SEARCH, () =>
        HttpResponse.json(
          { error: { code: "prompt_flagged_x17", message: "prompt was flagged", param: "prompt" } },
          { status: 422 },
        ),
      ),
    );
    const { status, body } = await search({ prompt: "calm" });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        code: "heygen_invalid_input",
        field: "prompt",
        message: "HeyGen refused the prompt: prompt was flagged",
      },
    });
    expect(lines.find((line) => line.path === "/api/admin/catalogue/voices/search")).toMatchObject({
      status: 400,
      code: "heygen_invalid_input",
      detail: {
        heygen: {
          kind: "invalid_input",
          status: 422,
          code: "prompt_flagged_x17",
          param: "prompt",
          message: "prompt was flagged",
        },
      },
    });
  });
});
