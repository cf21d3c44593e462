import { randomBytes } from "node:crypto";
import { apiError, readJsonObject, v1Ok, v2Ok, type ApiRoute } from "./api";
import { parseGenerateRequest, type GenerateRequest } from "./generate-request";
import { SAMPLE_DURATION_SECONDS } from "./media";

/** A script (any scene's input_text) containing this renders normally and then fails. */
export const FAKE_FAIL_MARKER = "[fail]";

/** Quota HeyGen counts in seconds: 60 = one credit. The fake charges one credit per non-test video. */
const QUOTA_PER_VIDEO = 60;

export type FakeFailure = { code: number | string; message: string; detail: string };

export type FakeJob = {
  videoId: string;
  callbackId: string | null;
  callbackUrl: string | null;
  title: string | null;
  /** Every text scene's input_text, joined by a blank line. */
  inputText: string;
  /** From the first scene: avatarId or talkingPhotoId, whichever character type it uses. */
  avatarId: string | null;
  talkingPhotoId: string | null;
  voiceId: string | null;
  width: number;
  height: number;
  test: boolean;
  sceneCount: number;
  /** Epoch milliseconds. */
  createdAt: number;
  outcome: "success" | "fail";
  failure: FakeFailure | null;
  request: GenerateRequest;
};

export type VideoStatus = "waiting" | "processing" | "completed" | "failed";

const markerFailure: FakeFailure = {
  code: 40039,
  message: "Video rendering failed",
  detail: `The offline fake HeyGen fails every script that contains ${FAKE_FAIL_MARKER}.`,
};

const creditFailure: FakeFailure = {
  code: "MOVIO_PAYMENT_INSUFFICIENT_CREDIT",
  message: "Insufficient credit",
  detail: "Your remaining quota is not enough to render this video.",
};

type VideosOptions = {
  renderMs: number;
  initialQuota: number;
  /** Signed URL of the render (`<id>.mp4`) or its poster (`<id>.jpg`). */
  mediaUrl: (file: string) => string;
  onCreated: (job: FakeJob) => void;
};

export function createVideos(options: VideosOptions) {
  const jobs = new Map<string, FakeJob>();
  let remainingQuota = options.initialQuota;

  const statusOf = (job: FakeJob, now = Date.now()): VideoStatus => {
    const elapsed = now - job.createdAt;
    if (elapsed >= options.renderMs) return job.outcome === "success" ? "completed" : "failed";
    return elapsed < options.renderMs / 5 ? "waiting" : "processing";
  };

  function createJob(request: GenerateRequest): FakeJob {
    const [first] = request.video_inputs;
    const texts = request.video_inputs.flatMap(({ voice }) => (voice.type === "text" ? [voice.input_text] : []));
    const test = request.test ?? false;
    const canPay = test || remainingQuota >= QUOTA_PER_VIDEO;
    if (!test && canPay) remainingQuota -= QUOTA_PER_VIDEO;
    const failure = !canPay ? creditFailure : texts.some((t) => t.includes(FAKE_FAIL_MARKER)) ? markerFailure : null;
    return {
      videoId: randomBytes(16).toString("hex"),
      callbackId: request.callback_id ?? null,
      callbackUrl: request.callback_url ?? null,
      title: request.title ?? null,
      inputText: texts.join("\n\n"),
      avatarId: first?.character.type === "avatar" ? first.character.avatar_id : null,
      talkingPhotoId: first?.character.type === "talking_photo" ? first.character.talking_photo_id : null,
      voiceId: first?.voice.type === "text" ? first.voice.voice_id : null,
      width: request.dimension.width,
      height: request.dimension.height,
      test,
      sceneCount: request.video_inputs.length,
      createdAt: Date.now(),
      outcome: failure ? "fail" : "success",
      failure,
      request,
    };
  }

  function statusData(job: FakeJob) {
    const status = statusOf(job);
    const done = status === "completed";
    return {
      id: job.videoId,
      status,
      callback_id: job.callbackId,
      video_url: done ? options.mediaUrl(`${job.videoId}.mp4`) : null,
      video_url_caption: null,
      thumbnail_url: done ? options.mediaUrl(`${job.videoId}.jpg`) : null,
      gif_url: null,
      caption_url: null,
      duration: done ? SAMPLE_DURATION_SECONDS : null,
      created_at: Math.floor(job.createdAt / 1000),
      error: status === "failed" ? job.failure : null,
    };
  }

  function handlers(route: ApiRoute) {
    return [
      route("post", "/v2/video/generate", async (request) => {
        const body = await readJsonObject(request);
        if (!body) return apiError(400, "invalid_parameter", "request body is invalid: expected a JSON object");
        const parsed = parseGenerateRequest(body);
        if (!parsed.ok) return apiError(400, parsed.error.code, parsed.error.message);
        const job = createJob(parsed.request);
        jobs.set(job.videoId, job);
        options.onCreated(job);
        return v2Ok({ video_id: job.videoId });
      }),
      route("get", "/v1/video_status.get", (_request, url) => {
        const videoId = url.searchParams.get("video_id");
        if (!videoId) return apiError(400, "invalid_parameter", "video_id is invalid: field required");
        const job = jobs.get(videoId);
        if (!job) return apiError(404, "not_found", `Video ${videoId} not found`);
        return v1Ok(statusData(job));
      }),
      route("get", "/v2/user/remaining_quota", () =>
        v2Ok({ remaining_quota: remainingQuota, details: { api: remainingQuota } }),
      ),
    ];
  }

  return {
    jobs: jobs as ReadonlyMap<string, FakeJob>,
    handlers,
    reset() {
      jobs.clear();
      remainingQuota = options.initialQuota;
    },
  };
}
