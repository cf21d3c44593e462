import "server-only";
import type { z } from "zod";
import type { Avatar, Voice } from "@/lib/catalogue";
import { env } from "@/server/env";
import { HeygenError } from "./errors";
import {
  avatarsResponse,
  generateVideoResponse,
  heygenErrorBody,
  remainingQuotaResponse,
  videoStatusResponse,
  voicesResponse,
} from "./schemas";
import { normalizeHeygenStatus, type HeygenRenderState } from "./status";

const DEFAULT_TIMEOUT_MS = 15_000;

type CallOptions<S extends z.ZodType> = {
  method?: "GET" | "POST";
  body?: unknown;
  schema: S;
  timeoutMs?: number;
};

/** One HeyGen call: API key, timeout, error mapping and response validation in one place. */
async function call<S extends z.ZodType>(path: string, options: CallOptions<S>): Promise<z.infer<S>> {
  const { method = "GET", body, schema, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const url = new URL(path, env.HEYGEN_API_URL);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        "X-Api-Key": env.HEYGEN_API_KEY,
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    throw new HeygenError(
      "unreachable",
      timedOut ? `HeyGen did not answer within ${timeoutMs / 1000} s` : "HeyGen could not be reached",
      { code: timedOut ? "timeout" : "network_error" },
    );
  }

  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw rejection(response, json);

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // A 200 carrying an error envelope is still a rejection.
    const envelope = heygenErrorBody.safeParse(json);
    if (envelope.success && envelope.data.error) throw rejection(response, json);
    throw new HeygenError("invalid_response", `HeyGen sent an unexpected response for ${path}`, {
      status: response.status,
    });
  }
  return parsed.data;
}

function rejection(response: Response, json: unknown): HeygenError {
  const envelope = heygenErrorBody.safeParse(json);
  const body = envelope.success ? envelope.data : null;
  const error = body?.error;
  const message =
    (typeof error === "string" ? error : error?.message) ??
    body?.message ??
    body?.msg ??
    `HeyGen answered HTTP ${response.status}`;
  const code = (typeof error === "object" ? error?.code : null) ?? body?.code ?? null;
  const retryAfter = Number(response.headers.get("retry-after"));
  return new HeygenError("rejected", message, {
    status: response.status,
    code: code === null ? null : String(code),
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  });
}

export type GenerateVideoRequest = {
  title: string;
  /** Our own video id, echoed back by HeyGen in webhooks and status: a correlation id, never a URL. */
  callbackId: string;
  callbackUrl?: string;
  script: string;
  avatarId: string;
  voiceId: string;
  width: number;
  height: number;
};

export async function generateVideo(request: GenerateVideoRequest): Promise<{ videoId: string }> {
  const result = await call("/v2/video/generate", {
    method: "POST",
    schema: generateVideoResponse,
    body: {
      title: request.title,
      callback_id: request.callbackId,
      ...(request.callbackUrl ? { callback_url: request.callbackUrl } : {}),
      video_inputs: [
        {
          character: { type: "avatar", avatar_id: request.avatarId, avatar_style: "normal" },
          voice: { type: "text", voice_id: request.voiceId, input_text: request.script },
        },
      ],
      dimension: { width: request.width, height: request.height },
    },
  });
  return { videoId: result.data.video_id };
}

export type HeygenVideoStatus = {
  state: HeygenRenderState;
  callbackId: string | null;
  videoUrl: string | null;
  thumbnailUrl: string | null;
  duration: number | null;
  error: string | null;
};

export async function getVideoStatus(videoId: string, timeoutMs?: number): Promise<HeygenVideoStatus> {
  const path = `/v1/video_status.get?video_id=${encodeURIComponent(videoId)}`;
  const { data } = await call(path, { schema: videoStatusResponse, timeoutMs });
  const error = typeof data.error === "string" ? data.error : (data.error?.message ?? data.error?.detail);
  return {
    state: normalizeHeygenStatus(data.status),
    callbackId: data.callback_id ?? null,
    videoUrl: data.video_url ?? null,
    thumbnailUrl: data.thumbnail_url ?? null,
    duration: data.duration ?? null,
    error: error ?? null,
  };
}


export async function listAvatars(): Promise<Avatar[]> {
  const { data } = await call("/v2/avatars", { schema: avatarsResponse });
  return data.avatars.map((a) => ({
    id: a.avatar_id,
    name: a.avatar_name ?? a.avatar_id,
    previewImageUrl: a.preview_image_url ?? null,
  }));
}

export async function listVoices(): Promise<Voice[]> {
  const { data } = await call("/v2/voices", { schema: voicesResponse });
  return data.voices.map((v) => ({
    id: v.voice_id,
    name: v.name ?? v.voice_id,
    language: v.language ?? null,
    gender: v.gender ? v.gender.toLowerCase() : null,
  }));
}

/** Remaining API quota in HeyGen's unit (60 = one credit). */
export async function getRemainingQuota(): Promise<number> {
  const { data } = await call("/v2/user/remaining_quota", { schema: remainingQuotaResponse });
  return data.remaining_quota;
}
