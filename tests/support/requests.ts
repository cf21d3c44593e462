import { createHmac } from "node:crypto";
import { NextRequest } from "next/server";
import { POST as login } from "@/app/api/admin/login/route";
import { KNOWN_DEVICE_COOKIE } from "@/server/auth/known-device";
import { A_VOICE, LANDSCAPE_LOOK } from "./heygen";
import { CALLBACK_URL, TEST_ENV } from "./test-env";

const ORIGIN = TEST_ENV.APP_URL;

export function jsonRequest(path: string, body: unknown, init: { cookie?: string; method?: string } = {}) {
  return new NextRequest(new URL(path, ORIGIN), {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", ...(init.cookie ? { cookie: init.cookie } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function getRequest(path: string, cookie?: string) {
  return new NextRequest(new URL(path, ORIGIN), { headers: cookie ? { cookie } : {} });
}

/**
 * This test process's browser: the known-device cookie of its first login, sent with every later one, as a browser
 * would, so that the global slow-down for browsers that never logged in (one a second) does not pace every test.
 */
let knownDevice: string | undefined;

/** Logs in through the real login route and returns the `cookie` header value it grants. */
export async function adminCookie(): Promise<string> {
  const response = await login(
    jsonRequest("/api/admin/login", { password: TEST_ENV.ADMIN_PASSWORD }, { cookie: knownDevice }),
  );
  const cookies = response.headers.getSetCookie().map((line) => line.split(";")[0]!);
  const session = cookies.find((cookie) => !cookie.startsWith(`${KNOWN_DEVICE_COOKIE}=`));
  if (response.status !== 200 || !session) throw new Error(`login failed: ${response.status}`);
  knownDevice = cookies.find((cookie) => cookie.startsWith(`${KNOWN_DEVICE_COOKIE}=`)) ?? knownDevice;
  return session;
}

/** Lowercase hex HMAC-SHA256 of the exact body, computed here rather than by the app's own code. */
export const hmac = (body: string, secret: string = TEST_ENV.HEYGEN_SECRET) =>
  createHmac("sha256", secret).update(body).digest("hex");

/** A POST to the webhook with these exact body bytes and headers. */
export function deliveryRequest(body: string, headers: Record<string, string> = {}) {
  return new NextRequest(CALLBACK_URL, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

type Payload = string | Record<string, unknown>;
const text = (payload: Payload) => (typeof payload === "string" ? payload : JSON.stringify(payload));

/** As a registered v3 endpoint receives it: Heygen-Signature, Heygen-Timestamp, Heygen-Event-Id. */
export function signedV3(
  payload: Payload,
  options: { secret?: string; timestamp?: string | null; eventId?: string | null; signature?: string } = {},
) {
  const body = text(payload);
  const timestamp = options.timestamp === undefined ? String(Math.floor(Date.now() / 1000)) : options.timestamp;
  const eventId =
    options.eventId === undefined ? ((JSON.parse(body) as { event_id?: string }).event_id ?? null) : options.eventId;
  return deliveryRequest(body, {
    "heygen-signature": options.signature ?? hmac(body, options.secret),
    ...(timestamp === null ? {} : { "heygen-timestamp": timestamp }),
    ...(eventId === null ? {} : { "heygen-event-id": eventId }),
  });
}

/** As a legacy v1 endpoint receives it: a `Signature` header only. */
export const signedLegacy = (payload: Payload, secret?: string) =>
  deliveryRequest(text(payload), { signature: hmac(text(payload), secret) });

/** As a per-job callback_url receives it: no signature at all. */
export const unsigned = (payload: Payload) => deliveryRequest(text(payload));

/** One of the fake HeyGen's recorded deliveries, replayed byte for byte. */
export const replayDelivery = (delivery: { body: string; headers: Record<string, string> }) =>
  deliveryRequest(delivery.body, delivery.headers);

export const validVideoInput = {
  title: "Welcome",
  script: "Hello and welcome to the team!",
  avatarId: LANDSCAPE_LOOK.id,
  voiceId: A_VOICE.voice_id,
  aspectRatio: "16:9",
  resolution: "1080p",
};

/** Row data for videos created directly in the database: the same fields as the API input. */
export const videoRow = { ...validVideoInput };
