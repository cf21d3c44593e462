import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/** True when `Authorization: Bearer <token>` carries exactly `expected`, compared in constant time. */
export function hasBearerToken(request: Request, expected: string): boolean {
  const given = request.headers.get("authorization")?.match(/^Bearer (.+)$/)?.[1];
  if (!given) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
