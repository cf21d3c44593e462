import { http, type HttpHandler } from "msw";
import { apiError, createApiRoute } from "./api";
import { catalogueHandlers } from "./catalogue";
import { createMediaSigner, mediaHandlers } from "./media";
import { createVideos, type FakeJob } from "./videos";
import { createWebhooks, type WebhookEvent } from "./webhooks";

export { fakeAvatars, fakeTalkingPhotos, fakeVoices } from "./catalogue";
export { SAMPLE_DURATION_SECONDS } from "./media";
export { FAKE_FAIL_MARKER, type FakeFailure, type FakeJob, type VideoStatus } from "./videos";
export { signWebhookBody, WEBHOOK_EVENT_TYPES, type WebhookEndpoint, type WebhookEvent } from "./webhooks";

export type FakeHeygenOptions = {
  /** API origin the handlers answer on, e.g. "https://api.heygen.com" or "http://127.0.0.1:4010". */
  baseUrl: string;
  /** The only `X-Api-Key` accepted. */
  apiKey: string;
  /** Signs webhook deliveries; returned as `secret` by endpoint.add/list. */
  webhookSecret: string;
  /** Time from generate to completed/failed. Default 5000. */
  renderMs?: number;
  /** Default true; tests that only poll pass false. */
  deliverWebhooks?: boolean;
  /** Starting `remaining_quota` (seconds; 60 = one credit, one credit per non-test video). Default 60000. */
  initialQuota?: number;
  log?: (line: string) => void;
};

export type FakeHeygen = ReturnType<typeof createFakeHeygen>;

export function createFakeHeygen(options: FakeHeygenOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const renderMs = options.renderMs ?? 5000;
  const log = options.log ?? (() => {});
  const timers = new Set<ReturnType<typeof setTimeout>>();
  // Keyed by the API key, which dev keeps fixed while the webhook secret changes per run: stored URLs outlive restarts.
  const signer = createMediaSigner(baseUrl, options.apiKey);
  const webhooks = createWebhooks({ secret: options.webhookSecret, log });

  const finishEvent = (job: FakeJob): WebhookEvent =>
    job.outcome === "success"
      ? {
          event_type: "avatar_video.success",
          event_data: {
            video_id: job.videoId,
            url: signer.url(`${job.videoId}.mp4`),
            callback_id: job.callbackId,
            gif_download_url: null,
            video_share_page_url: null,
            folder_id: "",
          },
        }
      : {
          event_type: "avatar_video.fail",
          event_data: { video_id: job.videoId, msg: job.failure?.message ?? "Video rendering failed", callback_id: job.callbackId },
        };

  const videos = createVideos({
    renderMs,
    initialQuota: options.initialQuota ?? 60_000,
    mediaUrl: signer.url,
    onCreated(job) {
      log(`video ${job.videoId} accepted (${job.outcome === "success" ? "will complete" : "will fail"} in ${renderMs} ms)`);
      if (options.deliverWebhooks === false) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        void webhooks.deliver(finishEvent(job), job.callbackUrl);
      }, renderMs);
      timer.unref?.(); // a pending render must not keep a test run or script alive
      timers.add(timer);
    },
  });

  const route = createApiRoute(baseUrl, options.apiKey);
  const handlers: HttpHandler[] = [
    ...videos.handlers(route),
    ...catalogueHandlers(route, signer.url),
    ...webhooks.handlers(route),
    ...mediaHandlers(baseUrl, signer),
    http.all(`${baseUrl}/*`, ({ request }) => apiError(404, "not_found", `No route for ${request.method} ${new URL(request.url).pathname}`)),
  ];

  const clearTimers = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };

  return {
    handlers,
    jobs: videos.jobs,
    webhookEndpoints: webhooks.endpoints,
    /** Forget jobs and endpoints, restore the quota and cancel pending webhook deliveries. */
    reset() {
      clearTimers();
      videos.reset();
      webhooks.reset();
    },
    close: clearTimers,
  };
}
