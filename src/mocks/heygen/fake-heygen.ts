import type { HttpHandler } from "msw";
import { createApiRoute, type ApiRoute } from "./api";
import { catalogueHandlers } from "./catalogue";
import { createDeliverer, planDeliveries } from "./deliveries";
import { createMediaSigner, DEFAULT_MEDIA_URL_LIFETIME_SECONDS, mediaHandlers } from "./media";
import { createRenderTimeline, finishedEvent } from "./render-timeline";
import { createTranslations, translationEvent, type FakeTranslation } from "./translations";
import { userHandlers, type BillingType } from "./users";
import { createVideos } from "./videos";
import type { FakeMarker } from "./markers";
import type { FakeJob } from "./video-jobs";
import { createWebhooks, type PreRegisteredEndpoint, type WebhookEvent } from "./webhooks";

export { FAKE_IDS, fakeAvatarGroups, fakeLooks, fakeVoices } from "./catalogue-data";
export type { AvatarEngine, AvatarType, FakeAvatarGroup, FakeLook, FakeVoice } from "./catalogue-data";
export { signedContent, signWebhookBody, type Delivery, type DeliveryRecord, type Dispatch } from "./deliveries";
export { FAKE_FAIL_MARKER, FAKE_MARKERS, type FakeMarker } from "./markers";
export { SAMPLE_DURATION_SECONDS } from "./media";
export { FAKE_TRANSLATION_LANGUAGES } from "./translation-languages";
export type { FakeTranslation } from "./translations";
export type { BillingType } from "./users";
export type { FakeFailure, FakeJob, VideoStatus } from "./video-jobs";
export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./webhook-event-types";
export type { PreRegisteredEndpoint, WebhookEndpoint, WebhookEvent, WebhookScheme } from "./webhooks";

export type FakeHeygenOptions = {
  /** API origin the handlers answer on, e.g. "https://api.heygen.com" or "http://127.0.0.1:4010". */
  baseUrl: string;
  /** The only `X-Api-Key` accepted. */
  apiKey: string;
  /** Time from create to completed/failed. Default 5000. */
  renderMs?: number;
  /** Default true. false: nothing goes over the network; every delivery lands in `outbox` for the test to replay. */
  deliverWebhooks?: boolean;
  /** Endpoints registered at start, without the OPTIONS probe (the app is not listening yet). Survive `reset()`. */
  endpoints?: PreRegisteredEndpoint[];
  /** Caps every list page below HeyGen's own maxima, so that tests can force several pages. */
  maxPageSize?: number;
  /** Credits to start with; each created video spends one; with none left renders fail. Default 1000. */
  initialCredits?: number;
  /** Shape of `GET /v3/users/me`. Default "subscription". */
  billingType?: BillingType;
  /** Delay of `[late-webhook]` deliveries after the render finished. Default 3 × renderMs, at least 1 s. */
  lateDeliveryMs?: number;
  /** Bound on a `[hang]` create (then a gateway 504). Default: until the client aborts. */
  hangMs?: number;
  /** `[media-late]` videos: how many requests for their media files answer 403/404 before they are served. Default 2. */
  mediaLateRequests?: number;
  /** Lifetime of signed media URLs. Default 7 days (HeyGen's documented lifetime). */
  mediaUrlLifetimeSeconds?: number;
  log?: (line: string) => void;
};

export type FakeHeygen = ReturnType<typeof createFakeHeygen>;

/** HeyGen's v3 API as MSW handlers: mount them in-process with `setupServer`, or over HTTP with `startFakeHeygenServer`. */
export function createFakeHeygen(options: FakeHeygenOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const renderMs = options.renderMs ?? 5000;
  const initialCredits = options.initialCredits ?? 1000;
  const log = options.log ?? (() => {});
  // Keyed by the API key, which dev keeps fixed: media URLs stored by the app keep working across restarts.
  const signer = createMediaSigner(
    baseUrl,
    options.apiKey,
    options.mediaUrlLifetimeSeconds ?? DEFAULT_MEDIA_URL_LIFETIME_SECONDS,
  );
  const webhooks = createWebhooks({ preRegistered: options.endpoints ?? [], maxPageSize: options.maxPageSize });
  const deliverer = createDeliverer({ enabled: options.deliverWebhooks ?? true, log });

  /** A finished job's event, to its subscribers and its callback_url (twice, late or never, as its markers say). */
  function deliver(job: { markers: readonly FakeMarker[]; callbackUrl: string | null }, event: WebhookEvent) {
    const copies = job.markers.includes("duplicateWebhook") ? 2 : 1;
    // A lost webhook: the event is in the history, and nothing goes out.
    const planned = job.markers.includes("noWebhook")
      ? []
      : planDeliveries(event, webhooks.subscribersOf(event), job.callbackUrl, copies);
    void deliverer.dispatch(event, planned);
  }

  const lateDeliveryMs = options.lateDeliveryMs ?? Math.max(3 * renderMs, 1000);
  const timeline = createRenderTimeline<FakeJob>({
    lateDeliveryMs,
    finish(job) {
      const event = finishedEvent(job, signer.url);
      webhooks.record(event);
      log(
        `video ${job.videoId} ${job.outcome === "success" ? "completed" : `failed (${job.failure?.code})`}: event ${event.event_id}`,
      );
      return event;
    },
    deliver,
  });

  // Translations render on the same clock and deliver through the same mechanism (markers read from their title).
  const translationTimeline = createRenderTimeline<FakeTranslation>({
    lateDeliveryMs,
    finish(job) {
      const event = translationEvent(job, signer.url);
      webhooks.record(event);
      log(`translation ${job.videoId} (${job.outputLanguage}) ${job.outcome}: event ${event.event_id}`);
      return event;
    },
    deliver,
  });
  const translations = createTranslations({
    baseUrl,
    renderMs,
    maxPageSize: options.maxPageSize,
    mediaUrl: signer.url,
    onCreated(job) {
      log(`translation ${job.videoId} into ${job.outputLanguage} accepted: ${job.outcome} in ${renderMs} ms`);
      translationTimeline.track(job);
    },
    onDeleted: (job) => translationTimeline.forget(job.videoId),
  });

  const videos = createVideos({
    renderMs,
    initialCredits,
    hangMs: options.hangMs,
    maxPageSize: options.maxPageSize,
    mediaUrl: signer.url,
    onCreated(job) {
      const markers = job.markers.length ? ` [${job.markers.join(", ")}]` : "";
      log(
        `video ${job.videoId} accepted: ${job.outcome === "success" ? "completes" : "fails"} in ${renderMs} ms${markers}`,
      );
      timeline.track(job);
    },
    onDeleted: (job) => timeline.forget(job.videoId),
  });

  // `[media-late]`: media requests answered so far per video, each 403 or 404 until mediaLateRequests.
  const mediaLateRequests = options.mediaLateRequests ?? 2;
  const lateMediaAnswered = new Map<string, number>();
  const notReadyYet = (file: string): 403 | 404 | null => {
    const videoId = file.replace(/(-captioned)?\.[a-z0-9]+$/i, "");
    if (!videos.jobs.get(videoId)?.markers.includes("mediaLate")) return null;
    const answered = lateMediaAnswered.get(videoId) ?? 0;
    if (answered >= mediaLateRequests) return null;
    lateMediaAnswered.set(videoId, answered + 1);
    return answered % 2 === 0 ? 403 : 404;
  };

  const defaultBillingType = options.billingType ?? "subscription";
  const account = { billingType: defaultBillingType, initialCredits, credits: videos.credits };

  // Every API call first settles what is due, so that statuses, events and deliveries always agree with the clock.
  const apiRoute = createApiRoute(baseUrl, options.apiKey);
  const route: ApiRoute = (method, path, handle) =>
    apiRoute(method, path, (context) => {
      timeline.advance();
      translationTimeline.advance();
      return handle(context);
    });

  const handlers: HttpHandler[] = [
    ...videos.handlers(route),
    ...translations.handlers(route),
    ...catalogueHandlers(route, signer.url, options.maxPageSize),
    ...userHandlers(route, account),
    ...webhooks.handlers(route),
    ...mediaHandlers(baseUrl, signer, notReadyYet),
  ];

  const advance = () => {
    timeline.advance();
    translationTimeline.advance();
  };
  const stopEverything = () => {
    timeline.clear();
    translationTimeline.clear();
    deliverer.abortAll();
    videos.releaseHanging();
  };

  return {
    handlers,
    jobs: videos.jobs,
    /** Every translation created (one per output language), by its id. */
    translations: translations.jobs,
    /** Every event created so far, oldest first. */
    get events() {
      advance();
      return webhooks.history;
    },
    /** With `deliverWebhooks: false`: every delivery the fake would have sent (url, headers, exact body), in order. */
    get outbox() {
      advance();
      return deliverer.outbox;
    },
    /** With deliveries on: what was sent and the answer (status, or error), in completion order. */
    get deliveries() {
      advance();
      return deliverer.sent;
    },
    /** Each due event's planned deliveries and whether they are all over: wait for it before asserting an absence. */
    get dispatches() {
      advance();
      return deliverer.dispatches;
    },
    /** Includes each endpoint's current secret and scheme. */
    webhookEndpoints: webhooks.endpoints,
    credits: videos.credits,
    /** Switches the shape of `GET /v3/users/me` until `reset()`. */
    setBillingType(type: BillingType) {
      account.billingType = type;
    },
    /**
     * Forget jobs, events, outbox, deliveries, dispatches and API-created endpoints; restore credits and billing type;
     * cancel timers.
     */
    reset() {
      stopEverything();
      account.billingType = defaultBillingType;
      videos.reset();
      translations.reset();
      lateMediaAnswered.clear();
      webhooks.reset();
      deliverer.reset();
    },
    close: stopEverything,
  };
}
