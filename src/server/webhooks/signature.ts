import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * How a delivery to /api/heygen/callback is authenticated:
 * - `signed_v3`: a registered v3 endpoint: `Heygen-Signature`, with `Heygen-Timestamp` and `Heygen-Event-Id`;
 * - `signed_legacy`: a legacy v1 endpoint: `Signature`;
 * - `unsigned`: HeyGen posts to a per-job callback_url without any signature. Such a body is a hint, never a fact.
 */
export type DeliveryScheme = "signed_v3" | "signed_legacy" | "unsigned";

export type DeliveryHeaders = {
  scheme: DeliveryScheme;
  signature: string | null;
  /** Unix seconds, as sent (v3 only). */
  timestamp: string | null;
  eventId: string | null;
};

/** Receivers refuse a v3 delivery whose timestamp is further than this from now (replayed or badly delayed). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const SIGNATURE_FORMAT = /^[0-9a-f]{64}$/;

export function readDeliveryHeaders(headers: Headers): DeliveryHeaders {
  const v3 = headers.get("heygen-signature");
  const legacy = headers.get("signature");
  return {
    scheme: v3 !== null ? "signed_v3" : legacy !== null ? "signed_legacy" : "unsigned",
    signature: v3 ?? legacy,
    timestamp: headers.get("heygen-timestamp"),
    eventId: headers.get("heygen-event-id"),
  };
}

/**
 * The bytes HeyGen's HMAC covers: the raw body, as eight independent integrations agree. Whether the timestamp
 * is part of them is unconfirmed; should it be, this is the one place to change.
 */
export function signedContent(rawBody: Uint8Array, _timestamp: string | null): Uint8Array {
  return rawBody;
}

/** True when the timestamp is absent (legacy) or within the tolerance of `now`; false when stale or malformed. */
export function isFreshTimestamp(timestamp: string | null, now = Date.now()): boolean {
  if (timestamp === null) return true;
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(now / 1000 - Number(timestamp)) <= SIGNATURE_TOLERANCE_SECONDS;
}

/**
 * Lowercase hex HMAC-SHA256 of the signed content, keyed with the endpoint secret, compared in constant time.
 * Anything not exactly 64 lowercase hex characters is refused before comparing, so a malformed header never throws.
 */
export function verifySignature(rawBody: Uint8Array, headers: DeliveryHeaders, secret: string): boolean {
  const { signature, timestamp } = headers;
  if (!secret || !signature || !SIGNATURE_FORMAT.test(signature)) return false;
  const expected = createHmac("sha256", secret).update(signedContent(rawBody, timestamp)).digest();
  return timingSafeEqual(Buffer.from(signature, "hex"), expected);
}
