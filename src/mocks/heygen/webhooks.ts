import { randomBytes } from "node:crypto";
import { z } from "zod";
import { apiError, invalidBody, invalidParameter, notFound, ok, okPage, readJsonObject, type ApiRoute } from "./api";
import { paginate } from "./pagination";
import { parseBody } from "./validation";
import { WEBHOOK_EVENT_TYPE_NAMES, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./webhook-event-types";

/** "v3": `Heygen-Signature` / `Heygen-Timestamp` / `Heygen-Event-Id` and the v3 body; "legacy": v1's `Signature` and body. */
export type WebhookScheme = "v3" | "legacy";

export type WebhookEndpoint = {
  endpoint_id: string;
  url: string;
  status: "enabled";
  /** null = every event type. */
  events: WebhookEventType[] | null;
  secret: string;
  created_at: string;
  entity_id: string | null;
  scheme: WebhookScheme;
  /** Registered through the `endpoints` option: never probed, and restored by `reset()`. */
  preRegistered: boolean;
};

/** Endpoint known before the fake starts (dev, browser tests): the app is not listening yet, so no OPTIONS probe. */
export type PreRegisteredEndpoint = {
  url: string;
  secret: string;
  events?: WebhookEventType[] | null;
  scheme?: WebhookScheme;
};

export type WebhookEvent = {
  event_id: string;
  event_type: WebhookEventType;
  /** ISO 8601. */
  created_at: string;
  /** A video's event names `video_id`; a translation's, `video_translate_id` (subjectOf reads either). */
  event_data: Record<string, unknown>;
};

/** The id of what an event is about: the video, or the translation. */
export const subjectOf = (event: WebhookEvent): string =>
  String(event.event_data.video_id ?? event.event_data.video_translate_id ?? "");

const OPTIONS_PROBE_TIMEOUT_MS = 1000;

const newSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const events = z.array(z.enum(WEBHOOK_EVENT_TYPE_NAMES)).nullish();
const createSchema = z.strictObject({ url: httpUrl, events, entity_id: z.string().nullish() });
const updateSchema = z.strictObject({ url: httpUrl.nullish(), events });

/** HeyGen refuses a URL that does not answer an OPTIONS request with 2xx within a second. */
async function answersOptionsProbe(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: "OPTIONS", signal: AbortSignal.timeout(OPTIONS_PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

const probeRefused = (url: string) =>
  invalidParameter(
    "url",
    `${url} did not answer an OPTIONS request with 2xx within ${OPTIONS_PROBE_TIMEOUT_MS / 1000} s`,
  );

/** The secret is shown only on create and rotate-secret. */
const endpointResource = (endpoint: WebhookEndpoint, showSecret: boolean) => ({
  endpoint_id: endpoint.endpoint_id,
  url: endpoint.url,
  status: endpoint.status,
  events: endpoint.events,
  secret: showSecret ? endpoint.secret : null,
  created_at: endpoint.created_at,
});

const eventResource = ({ event_id, event_type, event_data, created_at }: WebhookEvent) => ({
  event_id,
  event_type,
  event_data,
  created_at,
});

type WebhooksOptions = { preRegistered: readonly PreRegisteredEndpoint[]; maxPageSize: number | undefined };

/** Webhook endpoints (`/v3/webhooks/endpoints...`), event types, and the history of events (`/v3/webhooks/events`). */
export function createWebhooks(options: WebhooksOptions) {
  const endpoints = new Map<string, WebhookEndpoint>();
  const history: WebhookEvent[] = [];
  // Created once so that their ids survive reset(): a test can keep naming them.
  const startedAt = new Date().toISOString();
  const preRegistered = options.preRegistered.map((endpoint): WebhookEndpoint => ({
    endpoint_id: randomBytes(16).toString("hex"),
    url: endpoint.url,
    status: "enabled",
    events: endpoint.events ?? null,
    secret: endpoint.secret,
    created_at: startedAt,
    entity_id: null,
    scheme: endpoint.scheme ?? "v3",
    preRegistered: true,
  }));
  const restorePreRegistered = () => {
    for (const endpoint of preRegistered) endpoints.set(endpoint.endpoint_id, { ...endpoint });
  };
  restorePreRegistered();

  /** Enabled endpoints that want `event`: subscribed to its type (null = all) and, when scoped, to its video. */
  const subscribersOf = (event: WebhookEvent) =>
    [...endpoints.values()].filter(
      (endpoint) =>
        endpoint.status === "enabled" &&
        (endpoint.events === null || endpoint.events.includes(event.event_type)) &&
        (endpoint.entity_id === null || endpoint.entity_id === subjectOf(event)),
    );

  function handlers(route: ApiRoute) {
    const page = { defaultLimit: 10, maxLimit: 100 };
    const withEndpoint = (id: string, handle: (endpoint: WebhookEndpoint) => Response | Promise<Response>) => {
      const endpoint = endpoints.get(id);
      return endpoint ? handle(endpoint) : notFound("Webhook endpoint", id, "endpoint_id");
    };
    return [
      route("post", "/v3/webhooks/endpoints", async ({ request }) => {
        const body = await readJsonObject(request);
        if (!body) return invalidBody();
        const parsed = parseBody(createSchema, body);
        if (!parsed.ok) return apiError(400, parsed.error.code, parsed.error.message, parsed.error.param);
        if (!(await answersOptionsProbe(parsed.value.url))) return probeRefused(parsed.value.url);
        const endpoint: WebhookEndpoint = {
          endpoint_id: randomBytes(16).toString("hex"),
          url: parsed.value.url,
          status: "enabled",
          events: parsed.value.events ?? null,
          secret: newSecret(),
          created_at: new Date().toISOString(),
          entity_id: parsed.value.entity_id ?? null,
          scheme: "v3",
          preRegistered: false,
        };
        endpoints.set(endpoint.endpoint_id, endpoint);
        return ok(endpointResource(endpoint, true));
      }),
      route("get", "/v3/webhooks/endpoints", ({ url }) => {
        const result = paginate([...endpoints.values()], url, page, options.maxPageSize);
        if (result instanceof Response) return result;
        return okPage({ ...result, data: result.data.map((endpoint) => endpointResource(endpoint, false)) });
      }),
      route("patch", "/v3/webhooks/endpoints/:endpoint_id", ({ request, params }) =>
        withEndpoint(params.endpoint_id!, async (endpoint) => {
          const body = await readJsonObject(request);
          if (!body) return invalidBody();
          const parsed = parseBody(updateSchema, body);
          if (!parsed.ok) return apiError(400, parsed.error.code, parsed.error.message, parsed.error.param);
          const url = parsed.value.url ?? endpoint.url;
          if (url !== endpoint.url && !(await answersOptionsProbe(url))) return probeRefused(url);
          const updated = {
            ...endpoint,
            url,
            events: parsed.value.events === undefined ? endpoint.events : parsed.value.events,
          };
          endpoints.set(updated.endpoint_id, updated);
          return ok(endpointResource(updated, false));
        }),
      ),
      route("delete", "/v3/webhooks/endpoints/:endpoint_id", ({ params }) =>
        withEndpoint(params.endpoint_id!, (endpoint) => {
          endpoints.delete(endpoint.endpoint_id);
          return ok({});
        }),
      ),
      route("post", "/v3/webhooks/endpoints/:endpoint_id/rotate-secret", ({ params }) =>
        withEndpoint(params.endpoint_id!, (endpoint) => {
          // The old secret stops signing at once: deliveries read the endpoint's secret when they are built.
          const rotated = { ...endpoint, secret: newSecret() };
          endpoints.set(rotated.endpoint_id, rotated);
          return ok({ endpoint_id: rotated.endpoint_id, secret: rotated.secret });
        }),
      ),
      route("get", "/v3/webhooks/event-types", () =>
        okPage({
          data: Object.entries(WEBHOOK_EVENT_TYPES).map(([event_type, description]) => ({ event_type, description })),
          has_more: false,
          next_token: null,
        }),
      ),
      route("get", "/v3/webhooks/events", ({ url }) => {
        const eventType = url.searchParams.get("event_type");
        if (eventType && !(eventType in WEBHOOK_EVENT_TYPES))
          return invalidParameter("event_type", "unknown event type");
        const entityId = url.searchParams.get("entity_id");
        const newestFirst = history
          .filter(
            (event) => (!eventType || event.event_type === eventType) && (!entityId || subjectOf(event) === entityId),
          )
          .reverse();
        const result = paginate(newestFirst, url, page, options.maxPageSize);
        return result instanceof Response ? result : okPage({ ...result, data: result.data.map(eventResource) });
      }),
    ];
  }

  return {
    endpoints: endpoints as ReadonlyMap<string, WebhookEndpoint>,
    /** Every event the fake created, oldest first. */
    history: history as readonly WebhookEvent[],
    record: (event: WebhookEvent) => void history.push(event),
    subscribersOf,
    handlers,
    /** Forgets the history and the endpoints created through the API; pre-registered ones come back as configured. */
    reset() {
      history.length = 0;
      endpoints.clear();
      restorePreRegistered();
    },
  };
}
