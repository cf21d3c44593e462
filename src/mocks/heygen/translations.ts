import { randomBytes } from "node:crypto";
import { z } from "zod";
import { apiError, invalidBody, invalidParameter, notFound, ok, okPage, readJsonObject, type ApiRoute } from "./api";
import { gatewayPage } from "./faulty-answers";
import { markersIn, type FakeMarker } from "./markers";
import { SAMPLE_DURATION_SECONDS } from "./media";
import { paginate } from "./pagination";
import { FAKE_TRANSLATION_LANGUAGES } from "./translation-languages";
import { parseBody } from "./validation";
import type { WebhookEvent } from "./webhooks";

/** One translation into one output language (HeyGen expands a request per language). */
export type FakeTranslation = {
  /** The translation's id (named so for the render timeline, which drives videos and translations alike). */
  videoId: string;
  /** The JSON body exactly as received (shared by the request's translations). */
  request: Record<string, unknown>;
  idempotencyKey: string | null;
  sourceUrl: string;
  outputLanguage: string;
  mode: "speed" | "precision";
  title: string | null;
  callbackId: string | null;
  callbackUrl: string | null;
  captions: boolean;
  /** Read from the title: `[fail]`, `[no-webhook]`, `[duplicate-webhook]`, `[late-webhook]`, `[gateway-502]`. */
  markers: FakeMarker[];
  createdAt: number;
  finishesAt: number;
  outcome: "success" | "fail";
};

const TRANSLATION_FAILURE = "Translation failed: the speech could not be separated from the music";

const numberOrNull = z.number().nullish();
/** POST /v3/video-translations, strict: a field HeyGen does not define is a 400. */
const createSchema = (fakeOrigin: string) =>
  z.strictObject({
    video: z.discriminatedUnion("type", [
      z.strictObject({
        type: z.literal("url"),
        url: z
          .url({ error: "must be a public https URL" })
          .refine(
            (url) => url.startsWith("https://") || new URL(url).origin === fakeOrigin,
            "must be a public https URL HeyGen can fetch",
          ),
      }),
      z.strictObject({ type: z.literal("asset_id"), asset_id: z.string().min(1) }),
    ]),
    output_languages: z
      .array(z.string())
      .min(1, "at least one language is required")
      .superRefine((names, context) => {
        const unsupported = names.find((name) => !(FAKE_TRANSLATION_LANGUAGES as readonly string[]).includes(name));
        if (unsupported) context.addIssue({ code: "custom", message: `unsupported language: ${unsupported}` });
      }),
    mode: z.enum(["speed", "precision"]).nullish(),
    title: z.string().nullish(),
    callback_id: z.string().nullish(),
    callback_url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).nullish(),
    enable_caption: z.boolean().nullish(),
    input_language: z.string().nullish(),
    speaker_num: numberOrNull,
    translate_audio_only: z.boolean().nullish(),
    brand_glossary_id: z.string().nullish(),
    start_time: numberOrNull,
    end_time: numberOrNull,
    enable_dynamic_duration: z.boolean().nullish(),
    disable_music_track: z.boolean().nullish(),
    enable_speech_enhancement: z.boolean().nullish(),
  });

type TranslationStatus = "pending" | "running" | "completed" | "failed";

function statusOf(job: FakeTranslation, now = Date.now()): TranslationStatus {
  if (now >= job.finishesAt) return job.outcome === "success" ? "completed" : "failed";
  return now - job.createdAt < (job.finishesAt - job.createdAt) / 5 ? "pending" : "running";
}

/** GET /v3/video-translations/{id} data; media URLs signed afresh on each call. */
function translationResource(job: FakeTranslation, mediaUrl: (file: string) => string) {
  const status = statusOf(job);
  const media = (suffix: string) => (status === "completed" ? mediaUrl(`${job.videoId}${suffix}`) : null);
  return {
    id: job.videoId,
    status,
    title: job.title,
    callback_id: job.callbackId,
    input_language: "English",
    output_language: job.outputLanguage,
    duration: status === "completed" ? SAMPLE_DURATION_SECONDS : null,
    video_url: media(".mp4"),
    audio_url: media(".mp3"),
    srt_caption_url: job.captions ? media(".srt") : null,
    vtt_caption_url: job.captions ? media(".vtt") : null,
    failure_message: status === "failed" ? TRANSLATION_FAILURE : null,
    created_at: Math.floor(job.createdAt / 1000),
  };
}

/** `video_translate.success` / `.fail` as HeyGen's webhooks and events history carry them (the shape HeyGen leaves unpublished). */
export function translationEvent(job: FakeTranslation, mediaUrl: (file: string) => string): WebhookEvent {
  const common = {
    event_id: `evt_${randomBytes(16).toString("hex")}`,
    created_at: new Date(job.finishesAt).toISOString(),
  };
  const data = { video_translate_id: job.videoId, callback_id: job.callbackId, output_language: job.outputLanguage };
  return job.outcome === "success"
    ? {
        ...common,
        event_type: "video_translate.success",
        event_data: { ...data, url: mediaUrl(`${job.videoId}.mp4`) },
      }
    : { ...common, event_type: "video_translate.fail", event_data: { ...data, message: TRANSLATION_FAILURE } };
}

type TranslationsOptions = {
  baseUrl: string;
  renderMs: number;
  maxPageSize: number | undefined;
  mediaUrl: (file: string) => string;
  onCreated: (job: FakeTranslation) => void;
  onDeleted: (job: FakeTranslation) => void;
};

/** `/v3/video-translations`: create, get, statuses, list, languages, delete. */
export function createTranslations(options: TranslationsOptions) {
  const jobs = new Map<string, FakeTranslation>();
  const schema = createSchema(new URL(options.baseUrl).origin);

  async function create(request: Request): Promise<Response> {
    const raw = await readJsonObject(request);
    if (!raw) return invalidBody();
    const parsed = parseBody(schema, raw);
    if (!parsed.ok) return apiError(400, parsed.error.code, parsed.error.message, parsed.error.param);
    const body = parsed.value;
    const markers = markersIn(body.title);
    if (markers.has("rateLimited")) {
      return apiError(429, "rate_limit_exceeded", "Too many requests: retry after 30 seconds", null, {
        headers: { "retry-after": "30" },
      });
    }
    if (markers.has("insufficientCredit")) {
      return apiError(402, "insufficient_credit", "Insufficient credits to translate this video: top up your balance");
    }
    const createdAt = Date.now();
    const made = body.output_languages.map((outputLanguage): FakeTranslation => ({
      videoId: randomBytes(16).toString("hex"),
      request: raw,
      idempotencyKey: request.headers.get("idempotency-key"),
      sourceUrl: body.video.type === "url" ? body.video.url : `asset:${body.video.asset_id}`,
      outputLanguage,
      mode: body.mode ?? "speed",
      title: body.title ?? null,
      callbackId: body.callback_id ?? null,
      callbackUrl: body.callback_url ?? null,
      captions: body.enable_caption ?? false,
      markers: [...markers],
      createdAt,
      finishesAt: createdAt + options.renderMs,
      outcome: markers.has("fail") ? "fail" : "success",
    }));
    for (const job of made) {
      jobs.set(job.videoId, job);
      options.onCreated(job);
    }
    // The translations exist from here on: a gateway's page leaves the caller unsure whether they do.
    if (markers.has("gateway502")) return gatewayPage(502, "Bad Gateway");
    return ok({ video_translation_ids: made.map((job) => job.videoId) });
  }

  function statuses(url: URL): Response {
    const ids = (url.searchParams.get("video_translation_ids") ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean);
    if (!ids.length) return invalidParameter("video_translation_ids", "field required");
    if (ids.length > 100) return invalidParameter("video_translation_ids", "at most 100 ids");
    const data = ids.map((id) => {
      const job = jobs.get(id);
      if (!job) return { video_translation_id: id, status: "not_found", failure_message: null };
      const status = statusOf(job);
      return { video_translation_id: id, status, failure_message: status === "failed" ? TRANSLATION_FAILURE : null };
    });
    return okPage({ data, has_more: false, next_token: null });
  }

  function handlers(route: ApiRoute) {
    const withJob = (id: string, handle: (job: FakeTranslation) => Response) => {
      const job = jobs.get(id);
      return job ? handle(job) : notFound("Video translation", id, "video_translation_id");
    };
    return [
      route("post", "/v3/video-translations", ({ request }) => create(request)),
      route("get", "/v3/video-translations", ({ url }) => {
        const page = paginate(
          [...jobs.values()].reverse(),
          url,
          { defaultLimit: 10, maxLimit: 100 },
          options.maxPageSize,
        );
        return page instanceof Response
          ? page
          : okPage({ ...page, data: page.data.map((job) => translationResource(job, options.mediaUrl)) });
      }),
      // Before `/:id`, which would otherwise take these for ids.
      route("get", "/v3/video-translations/languages", () => ok({ languages: FAKE_TRANSLATION_LANGUAGES })),
      route("get", "/v3/video-translations/statuses", ({ url }) => statuses(url)),
      route("get", "/v3/video-translations/:id", ({ params }) =>
        withJob(params.id!, (job) => ok(translationResource(job, options.mediaUrl))),
      ),
      route("delete", "/v3/video-translations/:id", ({ params }) =>
        withJob(params.id!, (job) => {
          jobs.delete(job.videoId);
          options.onDeleted(job);
          return ok({ id: job.videoId, deleted: true });
        }),
      ),
    ];
  }

  return { jobs: jobs as ReadonlyMap<string, FakeTranslation>, handlers, reset: () => jobs.clear() };
}
