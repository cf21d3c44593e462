import { createHmac, timingSafeEqual } from "node:crypto";

const SIGNATURE_FORMAT = /^[0-9a-f]{64}$/;

/**
 * Checks HeyGen's webhook `signature` header: lowercase hex HMAC-SHA256 of the raw body bytes,
 * keyed with the endpoint secret. Anything not exactly 64 lowercase hex characters is refused
 * before comparing, so a malformed header can never throw; the comparison is constant-time.
 */
export function verifyHeygenSignature(
  rawBody: string | Uint8Array,
  signature: string | null | undefined,
  secret: string,
): boolean {
  if (!secret || !signature || !SIGNATURE_FORMAT.test(signature)) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(signature, "hex"), expected);
}

export function signHeygenPayload(rawBody: string | Uint8Array, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}
