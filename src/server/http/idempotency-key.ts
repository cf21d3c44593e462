import "server-only";
import { AppError } from "@/server/errors";

/**
 * The request's `Idempotency-Key` (null without one): a client's name for one submission, so that its repeats
 * (double clicks, retries after a lost answer) make one video. 1 to 200 visible ASCII characters, else a 400.
 */
export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key) return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new AppError("invalid_input", "Idempotency-Key must be 1 to 200 visible ASCII characters.", {
      field: "Idempotency-Key",
    });
  }
  return key;
}
