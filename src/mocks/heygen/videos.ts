import { apiError, invalidBody, invalidParameter, notFound, ok, okPage, readJsonObject, type ApiRoute } from "./api";
import { createHangs, gatewayPage, unreadableOk } from "./faulty-answers";
import { markersIn } from "./markers";
import { paginate } from "./pagination";
import { newJob, statusOf, videoResource, type FakeJob } from "./video-jobs";
import { parseVideoRequest } from "./video-request";

type VideosOptions = {
  renderMs: number;
  initialCredits: number;
  hangMs: number | undefined;
  maxPageSize: number | undefined;
  mediaUrl: (file: string) => string;
  onCreated: (job: FakeJob) => void;
  onDeleted: (job: FakeJob) => void;
};

/** `/v3/videos`: create, get, bulk statuses, list, delete; owns the jobs and the credits they spend. */
export function createVideos(options: VideosOptions) {
  const jobs = new Map<string, FakeJob>();
  const hangs = createHangs(options.hangMs);
  let creditsSpent = 0;

  async function create(request: Request): Promise<Response> {
    const raw = await readJsonObject(request);
    if (!raw) return invalidBody();
    const parsed = parseVideoRequest(raw);
    if (!parsed.ok) return apiError(400, parsed.error.code, parsed.error.message, parsed.error.param);
    const markers = markersIn(parsed.value.request.script);
    if (markers.has("rateLimited")) {
      return apiError(429, "rate_limit_exceeded", "Too many requests: retry after 30 seconds", null, {
        headers: { "retry-after": "30" },
      });
    }
    if (markers.has("insufficientCredit")) {
      return apiError(402, "insufficient_credit", "Insufficient credits to create this video: top up your balance");
    }
    const paid = creditsSpent < options.initialCredits;
    if (paid) creditsSpent += 1;
    const idempotencyKey = request.headers.get("idempotency-key");
    const job = newJob(parsed.value, { raw, idempotencyKey, renderMs: options.renderMs, paid });
    jobs.set(job.videoId, job);
    options.onCreated(job);
    // The job exists from here on: the three answers below leave the caller unsure whether it does.
    if (markers.has("gateway502")) return gatewayPage(502, "Bad Gateway");
    if (markers.has("hang")) return hangs.hang(request);
    if (markers.has("unreadable200")) return unreadableOk();
    return ok({ video_id: job.videoId, status: "waiting", output_format: job.outputFormat });
  }

  function statuses(url: URL): Response {
    const list = (name: string) =>
      (url.searchParams.get(name) ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean);
    const videoIds = list("video_ids");
    const batchIds = list("batch_ids");
    if (!videoIds.length && !batchIds.length) return invalidParameter("video_ids", "field required (or batch_ids)");
    if (videoIds.length > 100) return invalidParameter("video_ids", "at most 100 ids");
    if (batchIds.length > 100) return invalidParameter("batch_ids", "at most 100 ids");
    const data = [
      ...videoIds.map((video_id) => {
        const job = jobs.get(video_id);
        if (!job) return { video_id, status: "not_found", error: null };
        const status = statusOf(job);
        const error = status === "failed" ? { code: job.failure!.code, message: job.failure!.message } : null;
        return { video_id, status: status === "pending" ? "queued" : status, error };
      }),
      // The fake creates no batches.
      ...batchIds.map((batch_id) => ({ video_id: null, batch_id, status: "not_found", error: null })),
    ];
    return okPage({ data, has_more: false, next_token: null });
  }

  function handlers(route: ApiRoute) {
    return [
      route("post", "/v3/videos", ({ request }) => create(request)),
      route("get", "/v3/videos", ({ url }) => {
        const title = url.searchParams.get("title")?.toLowerCase();
        const folderId = url.searchParams.get("folder_id"); // the fake files nothing in folders
        const newestFirst = [...jobs.values()]
          .filter((job) => !folderId && (!title || (job.title ?? "").toLowerCase().includes(title)))
          .reverse();
        const page = paginate(newestFirst, url, { defaultLimit: 10, maxLimit: 100 }, options.maxPageSize);
        return page instanceof Response
          ? page
          : okPage({ ...page, data: page.data.map((job) => videoResource(job, options.mediaUrl)) });
      }),
      // Before `/v3/videos/:video_id`, which would otherwise take "statuses" for an id.
      route("get", "/v3/videos/statuses", ({ url }) => statuses(url)),
      route("get", "/v3/videos/:video_id", ({ params }) => {
        const job = jobs.get(params.video_id!);
        return job ? ok(videoResource(job, options.mediaUrl)) : notFound("Video", params.video_id!, "video_id");
      }),
      route("delete", "/v3/videos/:video_id", ({ params }) => {
        const job = jobs.get(params.video_id!);
        if (!job) return notFound("Video", params.video_id!, "video_id");
        jobs.delete(job.videoId);
        options.onDeleted(job);
        return ok({ id: job.videoId, deleted: true });
      }),
    ];
  }

  return {
    jobs: jobs as ReadonlyMap<string, FakeJob>,
    handlers,
    credits: {
      get spent() {
        return creditsSpent;
      },
      get remaining() {
        return options.initialCredits - creditsSpent;
      },
    },
    /** Answers every hanging create (a gateway 504) so that nothing waits past close/reset. */
    releaseHanging: hangs.releaseAll,
    reset() {
      hangs.releaseAll();
      jobs.clear();
      creditsSpent = 0;
    },
  };
}
