import { createHmac, randomBytes } from "node:crypto";
import { apiError, readJsonObject, webhookOk, type ApiRoute } from "./api";

export const WEBHOOK_EVENT_TYPES = [
  "avatar_video.success",
  "avatar_video.fail",
  "avatar_video_gif.success",
  "avatar_video_gif.fail",
  "avatar_video_caption.success",
  "avatar_video_caption.fail",
  "video_translate.success",
  "video_translate.fail",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export type WebhookEndpoint = {
  endpoint_id: string;
  url: string;
  status: "enabled";
  events: WebhookEventType[];
  secret: string;
  created_at: string;
};

export type WebhookEvent =
  | {
      event_type: "avatar_video.success";
      event_data: {
        video_id: string;
        url: string;
        callback_id: string | null;
        gif_download_url: null;
        video_share_page_url: null;
        folder_id: string;
      };
    }
  | { event_type: "avatar_video.fail"; event_data: { video_id: string; msg: string; callback_id: string | null } };

const OPTIONS_PROBE_TIMEOUT_MS = 1000;
const DELIVERY_TIMEOUT_MS = 5000;

/** Lowercase hex HMAC-SHA256 of the exact body string: the `signature` header HeyGen sends. */
export const signWebhookBody = (body: string, secret: string) =>
  createHmac("sha256", secret).update(body).digest("hex");

const normaliseUrl = (url: string) => {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
};

const isHttpUrl = (value: unknown): value is string => {
  try {
    return typeof value === "string" && ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

function parseEvents(value: unknown): WebhookEventType[] | string {
  if (value === undefined || value === null) return [...WEBHOOK_EVENT_TYPES];
  if (!Array.isArray(value)) return "events must be a list of event types";
  const unknown = value.filter((event) => !WEBHOOK_EVENT_TYPES.includes(event));
  return unknown.length ? `unknown event type: ${unknown.join(", ")}` : (value as WebhookEventType[]);
}

/** HeyGen refuses an endpoint whose URL does not answer an OPTIONS request with 2xx within a second. */
async function answersOptionsProbe(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: "OPTIONS", signal: AbortSignal.timeout(OPTIONS_PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

export function createWebhooks(options: { secret: string; log: (line: string) => void }) {
  const endpoints = new Map<string, WebhookEndpoint>();

  async function deliver(event: WebhookEvent, callbackUrl: string | null): Promise<void> {
    const subscribed = [...endpoints.values()].filter((e) => e.events.includes(event.event_type)).map((e) => e.url);
    const targets = new Set([...(callbackUrl ? [callbackUrl] : []), ...subscribed].map(normaliseUrl));
    const body = JSON.stringify(event);
    const headers = { "content-type": "application/json", signature: signWebhookBody(body, options.secret) };
    await Promise.all(
      [...targets].map(async (url) => {
        try {
          const response = await fetch(url, {
            method: "POST",
            headers,
            body,
            signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
          });
          await response.body?.cancel();
          options.log(`webhook ${event.event_type} ${event.event_data.video_id} -> ${url}: ${response.status}`);
        } catch (error) {
          options.log(`webhook ${event.event_type} ${event.event_data.video_id} -> ${url} failed: ${String(error)}`);
        }
      }),
    );
  }

  function handlers(route: ApiRoute) {
    return [
      route("post", "/v1/webhook/endpoint.add", async (request) => {
        const body = (await readJsonObject(request)) ?? {};
        if (!isHttpUrl(body.url)) return apiError(400, "invalid_parameter", "url is invalid: must be an http(s) URL");
        const events = parseEvents(body.events);
        if (typeof events === "string") return apiError(400, "invalid_parameter", `events is invalid: ${events}`);
        if (!(await answersOptionsProbe(body.url))) {
          return apiError(400, "invalid_parameter", `url is invalid: ${body.url} did not answer OPTIONS with 2xx within 1s`);
        }
        const endpoint: WebhookEndpoint = {
          endpoint_id: randomBytes(16).toString("hex"),
          url: body.url,
          status: "enabled",
          events,
          secret: options.secret,
          created_at: new Date().toISOString(),
        };
        endpoints.set(endpoint.endpoint_id, endpoint);
        return webhookOk(endpoint);
      }),
      route("get", "/v1/webhook/endpoint.list", () => webhookOk([...endpoints.values()])),
      route("patch", "/v1/webhook/endpoint.update", async (request) => {
        const body = (await readJsonObject(request)) ?? {};
        const endpoint = endpoints.get(String(body.endpoint_id));
        if (!endpoint) return apiError(404, "not_found", "Webhook endpoint not found");
        if (body.url !== undefined && !isHttpUrl(body.url)) return apiError(400, "invalid_parameter", "url is invalid");
        const events = body.events === undefined ? endpoint.events : parseEvents(body.events);
        if (typeof events === "string") return apiError(400, "invalid_parameter", `events is invalid: ${events}`);
        const updated = { ...endpoint, url: (body.url as string | undefined) ?? endpoint.url, events };
        endpoints.set(updated.endpoint_id, updated);
        return webhookOk(updated);
      }),
      route("delete", "/v1/webhook/endpoint.delete", (_request, url) => {
        const id = url.searchParams.get("endpoint_id") ?? "";
        if (!endpoints.delete(id)) return apiError(404, "not_found", "Webhook endpoint not found");
        return webhookOk(null);
      }),
      route("get", "/v1/webhook/webhook.list", () => webhookOk([...WEBHOOK_EVENT_TYPES])),
    ];
  }

  return { endpoints: endpoints as ReadonlyMap<string, WebhookEndpoint>, deliver, handlers, reset: () => endpoints.clear() };
}
