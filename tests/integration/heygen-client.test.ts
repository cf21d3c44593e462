import { delay, http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { generateVideo, getRemainingQuota, getVideoStatus, listAvatars, listVoices } from "@/server/heygen/client";
import { HeygenError } from "@/server/heygen/errors";
import { heygenServer } from "../support/heygen";
import { TEST_ENV } from "../support/test-env";

const api = (path: string) => `${TEST_ENV.HEYGEN_API_URL}${path}`;
const STATUS_URL = api("/v1/video_status.get");

function answerStatus(data: Record<string, unknown>) {
  heygenServer.use(http.get(STATUS_URL, () => HttpResponse.json({ code: 100, message: "Success", data })));
}

async function heygenError(promise: Promise<unknown>): Promise<HeygenError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(HeygenError);
  return error as HeygenError;
}

const request = {
  title: "t",
  callbackId: "ours",
  script: "Hello",
  avatarId: "Abigail_expressive_2024112501",
  voiceId: "1bd001e7e50f421d891986aad5158bc8",
  width: 1280,
  height: 720,
};

describe("HeyGen client", () => {
  it("generates against the fake and reads the job's status back", async () => {
    const { videoId } = await generateVideo(request);
    const status = await getVideoStatus(videoId);
    expect(status).toMatchObject({ state: "COMPLETED", callbackId: "ours", duration: 5, error: null });
    expect(status.videoUrl).toMatch(/\.mp4\?Expires=\d+&Signature=/);
  });

  it("reads a failure's message whether HeyGen sends an object or a string", async () => {
    answerStatus({ id: "v", status: "failed", error: { code: 40119, message: "Video is too long", detail: "..." } });
    expect((await getVideoStatus("v")).error).toBe("Video is too long");
    answerStatus({ id: "v", status: "failed", error: "MOVIO_PAYMENT_INSUFFICIENT_CREDIT" });
    expect(await getVideoStatus("v")).toMatchObject({ state: "FAILED", error: "MOVIO_PAYMENT_INSUFFICIENT_CREDIT" });
  });

  it("treats an unknown status as processing", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    answerStatus({ id: "v", status: "queued_somewhere_new" });
    expect((await getVideoStatus("v")).state).toBe("PROCESSING");
  });

  it("turns HeyGen's errors into a typed HeygenError with status, code and message", async () => {
    const unknown = await heygenError(getVideoStatus("no-such-video"));
    expect(unknown).toMatchObject({ kind: "rejected", status: 404 });

    heygenServer.use(
      http.post(api("/v2/video/generate"), () =>
        HttpResponse.json(
          { data: null, error: { code: "trial_video_limit_exceeded", message: "Daily limit" } },
          { status: 429, headers: { "retry-after": "30" } },
        ),
      ),
    );
    expect(await heygenError(generateVideo(request))).toMatchObject({
      kind: "rejected",
      status: 429,
      code: "trial_video_limit_exceeded",
      message: "Daily limit",
      retryAfterSeconds: 30,
    });
  });

  it("treats a 200 carrying an error as a rejection, and an unreadable 200 as invalid", async () => {
    heygenServer.use(
      http.get(api("/v2/avatars"), () => HttpResponse.json({ code: 40009, message: "Invalid credentials", error: "bad key" })),
      http.get(api("/v2/voices"), () => HttpResponse.json({ data: { something: "else" } })),
    );
    expect(await heygenError(listAvatars())).toMatchObject({ kind: "rejected", message: "bad key" });
    expect(await heygenError(listVoices())).toMatchObject({ kind: "invalid_response" });
  });

  it("gives up after its timeout, reporting HeyGen as unreachable", async () => {
    heygenServer.use(http.get(STATUS_URL, async () => {
      await delay("infinite");
      return HttpResponse.json({});
    }));
    expect(await heygenError(getVideoStatus("v", 100))).toMatchObject({ kind: "unreachable", code: "timeout" });
  });

  it("reads the catalogue and the quota", async () => {
    const [avatars, voices, quota] = await Promise.all([listAvatars(), listVoices(), getRemainingQuota()]);
    expect(avatars.find((a) => a.id === request.avatarId)?.name).toBe("Abigail (Upper Body)");
    expect(voices.find((v) => v.id === request.voiceId)).toMatchObject({ name: "Sara", gender: "female" });
    expect(quota).toBeGreaterThan(0);
  });
});
