import { randomBytes } from "node:crypto";
import { markersIn, type FakeMarker } from "./markers";
import { SAMPLE_DURATION_SECONDS } from "./media";
import type { AvatarVideoRequest, ParsedVideoRequest } from "./video-request";

export type FakeFailure = { code: string; message: string };

export type FakeJob = {
  videoId: string;
  /** The JSON body exactly as received. */
  request: Record<string, unknown>;
  /** The `Idempotency-Key` header, recorded only: HeyGen's support for it is unconfirmed, so the fake never deduplicates. */
  idempotencyKey: string | null;
  callbackId: string | null;
  callbackUrl: string | null;
  title: string | null;
  script: string | null;
  lookId: string;
  /** `voice_id`, else the look's default voice; null for an audio-driven video. */
  voiceId: string | null;
  aspectRatio: NonNullable<AvatarVideoRequest["aspect_ratio"]>;
  /** null: not given, HeyGen picks. */
  resolution: AvatarVideoRequest["resolution"] | null;
  outputFormat: "mp4" | "webm";
  /** `caption.style: "default"`: a captioned render is produced too. */
  captioned: boolean;
  markers: FakeMarker[];
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds at which the status turns completed/failed. */
  finishesAt: number;
  outcome: "success" | "fail";
  failure: FakeFailure | null;
};

export type VideoStatus = "pending" | "processing" | "completed" | "failed";

const RENDER_FAILURE: FakeFailure = { code: "RENDER_FAILED", message: "Video rendering failed" };
// HeyGen reports credit exhaustion as a failed render, not as a create error.
const CREDIT_FAILURE: FakeFailure = {
  code: "MOVIO_PAYMENT_INSUFFICIENT_CREDIT",
  message: "Insufficient credit: your remaining credits are not enough to render this video",
};

type JobContext = { raw: Record<string, unknown>; idempotencyKey: string | null; renderMs: number; paid: boolean };

export function newJob(parsed: ParsedVideoRequest, { raw, idempotencyKey, renderMs, paid }: JobContext): FakeJob {
  const { request, look, voiceId } = parsed;
  const markers = markersIn(request.script);
  const failure = !paid ? CREDIT_FAILURE : markers.has("fail") ? RENDER_FAILURE : null;
  const createdAt = Date.now();
  return {
    videoId: randomBytes(16).toString("hex"),
    request: raw,
    idempotencyKey,
    callbackId: request.callback_id ?? null,
    callbackUrl: request.callback_url ?? null,
    title: request.title ?? null,
    script: request.script ?? null,
    lookId: look.id,
    voiceId,
    aspectRatio: request.aspect_ratio ?? "16:9",
    resolution: request.resolution ?? null,
    outputFormat: request.output_format ?? "mp4",
    captioned: request.caption?.style === "default",
    markers: [...markers],
    createdAt,
    finishesAt: createdAt + renderMs,
    outcome: failure ? "fail" : "success",
    failure,
  };
}

/** Pending for the first fifth of the render, then processing, then the outcome: a pure function of the clock. */
export function statusOf(job: FakeJob, now = Date.now()): VideoStatus {
  if (now >= job.finishesAt) return job.outcome === "success" ? "completed" : "failed";
  return now - job.createdAt < (job.finishesAt - job.createdAt) / 5 ? "pending" : "processing";
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/** `GET /v3/videos/{id}` data; media URLs are signed afresh on each call, as HeyGen's presigned ones are. */
export function videoResource(job: FakeJob, mediaUrl: (file: string) => string) {
  const status = statusOf(job);
  const completed = status === "completed";
  const media = (suffix: string) => (completed ? mediaUrl(`${job.videoId}${suffix}`) : null);
  return {
    id: job.videoId,
    title: job.title,
    status,
    created_at: seconds(job.createdAt),
    completed_at: completed || status === "failed" ? seconds(job.finishesAt) : null,
    duration: completed ? SAMPLE_DURATION_SECONDS : null,
    video_url: media(".mp4"),
    captioned_video_url: job.captioned ? media("-captioned.mp4") : null,
    subtitle_url: media(".srt"),
    thumbnail_url: media(".jpg"),
    gif_url: null,
    video_page_url: `https://app.heygen.com/videos/${job.videoId}`,
    failure_code: status === "failed" ? job.failure!.code : null,
    failure_message: status === "failed" ? job.failure!.message : null,
    folder_id: null,
  };
}
