import "server-only";
import { throwHeygenAppError } from "@/server/heygen-app-error";

/**
 * For a picker's `catch`: HeyGen's failure in the one translation (`action`: "list its looks"), saying what the
 * studio still allows meanwhile (a look id and a voice id typed by hand). `fields`: HeyGen's names for the admin's
 * own input (the voice search's body). Anything that is not a HeyGen failure is thrown again as it was.
 */
export function heygenFailure(error: unknown, action: string, fields?: Readonly<Record<string, string>>): never {
  throwHeygenAppError(error, { action, fields, orElse: "type a look id and a voice id" });
}
