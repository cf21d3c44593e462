import { createHmac } from "node:crypto";
import { subjectOf, type WebhookEndpoint, type WebhookEvent } from "./webhooks";

/** One POST the fake makes (or, with deliveries off, would make) for an event. */
export type Delivery = {
  url: string;
  headers: Record<string, string>;
  /** The exact bytes of the body (UTF-8 on the wire): verify signatures over this string, not over re-serialised JSON. */
  body: string;
  eventId: string;
  videoId: string;
  /** "v3" / "legacy": a registered endpoint's signed delivery; "callback": the job's `callback_url`, unsigned. */
  kind: "v3" | "legacy" | "callback";
};

export type DeliveryRecord = Delivery & { status: number | null; error: string | null; sentAt: number };

/**
 * What the fake decided to send for one event once it was due: its deliveries (none for `[no-webhook]`, or when
 * nothing is subscribed), and whether every one of them is over (answered, failed, or kept in the outbox). A test
 * waits for `done` before it asserts that something was not delivered.
 */
export type Dispatch = { eventId: string; videoId: string; deliveries: readonly Delivery[]; done: boolean };

const DELIVERY_TIMEOUT_MS = 5000;

/** Lowercase hex HMAC-SHA256: the form of both `Heygen-Signature` and the legacy `Signature`. */
export const signWebhookBody = (content: string, secret: string) =>
  createHmac("sha256", secret).update(content).digest("hex");

/**
 * What HeyGen signs: the raw body. Whether `Heygen-Timestamp` is part of the signed content is unconfirmed
 * (see heygen-api.md), so this is the one place to change if it turns out to be.
 */
export const signedContent = (delivery: { body: string; timestamp: number }) => delivery.body;

/**
 * The v1-era body legacy endpoints get: `url` instead of `video_url`, `msg` instead of the failure fields, no event id.
 * A translation's event keeps its own fields.
 */
function legacyBody(event: WebhookEvent): string {
  if (!event.event_type.startsWith("avatar_video."))
    return JSON.stringify({ event_type: event.event_type, event_data: event.event_data });
  const { video_id, callback_id } = event.event_data;
  const event_data =
    event.event_type === "avatar_video.success"
      ? { video_id, url: event.event_data.video_url, callback_id }
      : { video_id, msg: event.event_data.failure_message, callback_id };
  return JSON.stringify({ event_type: event.event_type, event_data });
}

const normaliseUrl = (url: string) => {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
};

/**
 * Every delivery of `event`: each subscribed endpoint signed with its own secret (v3 or legacy scheme), then the job's
 * `callback_url` unsigned, as HeyGen does not sign per-job callbacks, unless that URL already gets a signed delivery.
 * `copies` > 1 repeats each one (HeyGen's duplicate deliveries: same event id, same bytes).
 */
export function planDeliveries(
  event: WebhookEvent,
  subscribers: readonly WebhookEndpoint[],
  callbackUrl: string | null,
  copies: number,
): Delivery[] {
  const body = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000);
  const base = { eventId: event.event_id, videoId: subjectOf(event) };
  const json = { "content-type": "application/json" };
  const planned: Delivery[] = subscribers.map((endpoint) => {
    if (endpoint.scheme === "legacy") {
      const legacy = legacyBody(event);
      return {
        ...base,
        url: endpoint.url,
        kind: "legacy",
        body: legacy,
        headers: { ...json, signature: signWebhookBody(legacy, endpoint.secret) },
      };
    }
    const headers = {
      ...json,
      "heygen-signature": signWebhookBody(signedContent({ body, timestamp }), endpoint.secret),
      "heygen-timestamp": String(timestamp),
      "heygen-event-id": event.event_id,
    };
    return { ...base, url: endpoint.url, kind: "v3", body, headers };
  });
  const signedUrls = new Set(subscribers.map((endpoint) => normaliseUrl(endpoint.url)));
  if (callbackUrl && !signedUrls.has(normaliseUrl(callbackUrl))) {
    planned.push({ ...base, url: callbackUrl, kind: "callback", body, headers: { ...json } });
  }
  return planned.flatMap((delivery) => Array.from({ length: copies }, () => delivery));
}

/** Sends deliveries over the network, or, with `enabled: false`, only appends them to `outbox` for tests to replay. */
export function createDeliverer(options: { enabled: boolean; log: (line: string) => void }) {
  const outbox: Delivery[] = [];
  const sent: DeliveryRecord[] = [];
  const dispatches: Dispatch[] = [];
  let aborter = new AbortController();
  let generation = 0; // a request still in flight at reset() must not land in the next test's records

  const describe = (d: Delivery) => `webhook ${d.eventId} (video ${d.videoId}) -> ${d.url} [${d.kind}]`;

  async function post(delivery: Delivery): Promise<void> {
    const record: DeliveryRecord = { ...delivery, status: null, error: null, sentAt: Date.now() };
    const startedIn = generation;
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: delivery.headers,
        body: delivery.body,
        signal: AbortSignal.any([aborter.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
      });
      await response.body?.cancel();
      record.status = response.status;
      options.log(`${describe(delivery)}: ${response.status}`);
    } catch (error) {
      record.error = String(error);
      options.log(`${describe(delivery)} failed: ${record.error}`);
    }
    if (startedIn === generation) sent.push(record);
  }

  return {
    outbox,
    sent: sent as readonly DeliveryRecord[],
    dispatches: dispatches as readonly Dispatch[],
    async dispatch(event: WebhookEvent, deliveries: readonly Delivery[]): Promise<void> {
      const dispatch: Dispatch = {
        eventId: event.event_id,
        videoId: subjectOf(event),
        deliveries,
        done: false,
      };
      dispatches.push(dispatch);
      if (!options.enabled) {
        outbox.push(...deliveries);
        for (const delivery of deliveries)
          options.log(`${describe(delivery)}: kept in the outbox (deliveries are off)`);
        dispatch.done = true;
        return;
      }
      // Copies to one URL go one after the other, like a redelivery; different URLs are served in parallel.
      const byUrl = new Map<string, Delivery[]>();
      for (const delivery of deliveries) {
        const key = `${delivery.kind} ${delivery.url}`;
        byUrl.set(key, [...(byUrl.get(key) ?? []), delivery]);
      }
      await Promise.all(
        [...byUrl.values()].map(async (queue) => {
          for (const delivery of queue) await post(delivery);
        }),
      );
      dispatch.done = true;
    },
    /** Cancels requests in flight (close, reset). */
    abortAll() {
      aborter.abort();
      aborter = new AbortController();
    },
    reset() {
      generation += 1;
      outbox.length = 0;
      sent.length = 0;
      dispatches.length = 0;
    },
  };
}
