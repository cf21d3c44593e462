import { WEBHOOK_DESCRIPTION_MAX_LENGTH, WEBHOOK_URL_MAX_LENGTH } from "./limits";
import { z } from "./zod";

/** The events an endpoint may subscribe to (issue 18), in the order forms list them. */
export const OUTGOING_EVENT_TYPES = ["video.completed", "video.failed", "video.published", "batch.finished"] as const;
export type OutgoingEventType = (typeof OUTGOING_EVENT_TYPES)[number];

export const EVENT_LABELS: Record<OutgoingEventType, string> = {
  "video.completed": "A video is ready",
  "video.failed": "A video failed",
  "video.published": "A video is published (viewers can see it)",
  "batch.finished": "A batch has finished",
};

const urlField = z
  .string({ error: "must be an http(s) URL" })
  .trim()
  .min(1, "Enter the endpoint's URL.")
  .max(WEBHOOK_URL_MAX_LENGTH, `must be at most ${WEBHOOK_URL_MAX_LENGTH} characters`)
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }));

const eventsField = z
  .array(z.enum(OUTGOING_EVENT_TYPES, { error: `must be among ${OUTGOING_EVENT_TYPES.join(", ")}` }), {
    error: "must be a list of event types",
  })
  .min(1, "Choose at least one event.")
  .transform((events) => OUTGOING_EVENT_TYPES.filter((type) => events.includes(type)));

const descriptionField = z
  .string({ error: "must be text" })
  .trim()
  .max(WEBHOOK_DESCRIPTION_MAX_LENGTH, `must be at most ${WEBHOOK_DESCRIPTION_MAX_LENGTH} characters`)
  .transform((text) => text || null);

/** POST /api/admin/webhooks. */
export const endpointInput = z.strictObject({
  url: urlField,
  events: eventsField,
  description: descriptionField.nullable().optional(),
  enabled: z.boolean({ error: "must be true or false" }).optional(),
});
export type EndpointInput = z.output<typeof endpointInput>;

/** PATCH /api/admin/webhooks/{id}: any of them. */
export const endpointPatch = endpointInput.partial();
export type EndpointPatch = z.output<typeof endpointPatch>;

/** An endpoint as the API and the settings pages show it: never its secret. */
export type EndpointView = {
  id: string;
  url: string;
  description: string | null;
  events: OutgoingEventType[];
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
};

export type MessageView = {
  /** The webhook-id header, the same on every attempt. */
  id: string;
  type: OutgoingEventType;
  /** The video or batch it is about. */
  subject: string | null;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
};

export type EndpointDetail = EndpointView & { messages: MessageView[] };

/** What creating an endpoint (or rotating its secret) answers: the only time the secret is shown. */
export type EndpointWithSecret = { endpoint: EndpointView; secret: string };
