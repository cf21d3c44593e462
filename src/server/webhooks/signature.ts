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
 * The byte strings HeyGen's HMAC may cover. Eight independent integrations agree on the raw body; whether a v3
 * delivery's timestamp is part of the signed bytes is unconfirmed (heygen-api.md), so the usual construction that
 * includes it, `<timestamp>.<raw body>`, is accepted too. This is the one place to change once it is known.
 */
export function signedContents(rawBody: Uint8Array, timestamp: string | null): Uint8Array[] {
  if (timestamp === null) return [rawBody];
  return [rawBody, Buffer.concat([Buffer.from(`${timestamp}.`), rawBody])];
}

/**
 * Why a delivery's timestamp is refused, or null when it is acceptable. The v3 scheme requires one (without it a
 * captured delivery could be replayed forever); the legacy scheme has none, and one it does carry must be fresh.
 */
export function timestampProblem(headers: DeliveryHeaders, now = Date.now()): "missing" | "malformed" | "stale" | null {
  const { scheme, timestamp } = headers;
  if (timestamp === null) return scheme === "signed_v3" ? "missing" : null;
  if (!/^\d{1,12}$/.test(timestamp)) return "malformed";
  return Math.abs(now / 1000 - Number(timestamp)) <= SIGNATURE_TOLERANCE_SECONDS ? null : "stale";
}

/**
 * Lowercase hex HMAC-SHA256 of the signed content, keyed with the endpoint secret, compared in constant time.
 * Anything not exactly 64 lowercase hex characters is refused before comparing, so a malformed header never throws.
 */
export function verifySignature(rawBody: Uint8Array, headers: DeliveryHeaders, secret: string): boolean {
  const { signature, scheme, timestamp } = headers;
  if (!secret || !signature || !SIGNATURE_FORMAT.test(signature)) return false;
  const given = Buffer.from(signature, "hex");
  // Every variant is computed and compared, so the time taken does not say which one matched.
  return signedContents(rawBody, scheme === "signed_v3" ? timestamp : null)
    .map((content) => timingSafeEqual(given, createHmac("sha256", secret).update(content).digest()))
    .reduce((matched, match) => matched || match, false);
}
