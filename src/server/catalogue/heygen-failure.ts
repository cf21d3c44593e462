import "server-only";
import { AppError } from "@/server/errors";
import { HeygenError } from "@/server/heygen/failures";
import { heygenNotConfigured } from "@/server/settings/credentials";

/**
 * What the admin is told when HeyGen cannot answer a catalogue request (`what`: "list its looks"). HeyGen blaming
 * one of `inputFields` (the admin's own input, named alike) is a 400 naming it. Anything that is not a HeyGen
 * failure is rethrown as it is (a bug: a bare 500).
 */
export function heygenFailure(error: unknown, what: string, inputFields: readonly string[] = []): never {
  if (!(error instanceof HeygenError)) throw error;
  if (error.kind === "not_configured") throw heygenNotConfigured();
  if (!error.rejected) {
    throw new AppError(
      "heygen_unavailable",
      `HeyGen could not be reached to ${what} (${error.message}). Try again in a minute, or type a look id and a voice id.`,
    );
  }
  switch (error.status) {
    case 401:
    case 403:
      throw new AppError(
        "heygen_rejected",
        `HeyGen refused the API key (${error.message}): check it in Settings (or HEYGEN_API_KEY).`,
      );
    case 429:
      throw new AppError("heygen_rate_limited", `HeyGen is busy (too many requests): try again in a minute.`, {
        retryAfterSeconds: error.retryAfterSeconds,
      });
    default:
      if (error.param && inputFields.includes(error.param)) {
        throw new AppError("heygen_invalid_input", `HeyGen refused the ${error.param}: ${error.message}`, {
          field: error.param,
        });
      }
      throw new AppError("heygen_rejected", `HeyGen refused to ${what}: ${error.message}`);
  }
}
