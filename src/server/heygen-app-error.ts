import "server-only";
import { AppError } from "@/server/errors";
import { classifyHeygenFailure, type HeygenFailure } from "@/server/heygen/failures";
import { heygenNotConfigured } from "@/server/settings/credentials";

/** What the caller asked HeyGen for, so that one translation speaks every caller's words. */
export type HeygenRequest = {
  /** What was asked, completing "HeyGen refused to …": "generate the video", "list its looks", "test the key". */
  action: string;
  /**
   * The request carried the user's input: HeyGen's name for each field → the user's ("voice_id" → "voiceId"). HeyGen
   * refusing one is then a 400 naming it (a nested path, "engine.type", takes its nearest named parent); refusing
   * the input without naming a field we know is still a 400. Without it, HeyGen refusing input is our request's
   * fault, not the user's: a 502.
   */
  fields?: Readonly<Record<string, string>>;
  /** Said after every failure: what stayed as it was here ("The video was kept here."). */
  aftermath?: string;
  /** What the user can do meanwhile, completing "Try again in a minute, or …": "type a look id and a voice id". */
  orElse?: string;
  /**
   * The request carried nothing but this input (the key check sends only the key): any definite refusal but a busy
   * HeyGen means the input is wrong, a 400 naming `field` with `message`.
   */
  refusalBlames?: { field: string; message: string };
};

/**
 * The one translation of a HeyGen failure into the app's answer: the code (and so the status), the user's message
 * in the caller's words, the field in the user's terms, HeyGen's wait, and HeyGen's own words for the log.
 */
export function heygenAppError(failure: HeygenFailure, request: HeygenRequest): AppError {
  const { kind, message: said } = failure;
  const { action, aftermath, refusalBlames } = request;
  const log = { heygen: { kind, status: failure.status, code: failure.code, param: failure.param, message: said } };
  const later = (wait: string) => `Try again in ${wait}${request.orElse ? `, or ${request.orElse}` : ""}.`;
  if (refusalBlames && failure.definite && kind !== "rate_limited") {
    return new AppError("invalid_input", refusalBlames.message, { field: refusalBlames.field, log });
  }
  switch (kind) {
    case "no_key":
      return heygenNotConfigured();
    case "key_refused":
      return new AppError(
        "heygen_rejected",
        sentences(`HeyGen refused the API key (${said}): check it in Settings (or HEYGEN_API_KEY).`, aftermath),
        { log },
      );
    case "no_credits":
      return new AppError(
        "heygen_no_credits",
        sentences(
          `HeyGen could not ${action}: your account has run out of credits.`,
          aftermath,
          "Add credits in HeyGen, then try again.",
        ),
        { log },
      );
    case "rate_limited": {
      const wait = failure.retryAfterSeconds ? `${Math.ceil(failure.retryAfterSeconds)} s` : "a minute";
      return new AppError(
        "heygen_rate_limited",
        sentences(`HeyGen is busy (too many requests) and could not ${action}.`, aftermath, later(wait)),
        { retryAfterSeconds: failure.retryAfterSeconds, log },
      );
    }
    case "invalid_input": {
      const field = request.fields && fieldOf(failure.param, request.fields);
      if (field) {
        return new AppError("heygen_invalid_input", sentences(`HeyGen refused the ${field}: ${said}`, aftermath), {
          field,
          log,
        });
      }
      const code = request.fields ? "heygen_invalid_input" : "heygen_rejected";
      return new AppError(code, sentences(`HeyGen refused to ${action}: ${said}`, aftermath), { log });
    }
    case "not_found":
    case "refused":
      return new AppError("heygen_rejected", sentences(`HeyGen refused to ${action}: ${said}`, aftermath), { log });
    case "unavailable":
      return new AppError(
        "heygen_unavailable",
        sentences(`HeyGen could not be reached to ${action} (${said}).`, aftermath, later("a minute")),
        { log },
      );
  }
}

/**
 * For a `catch`: a HeyGen failure is thrown as its AppError (heygenAppError); anything else is thrown again as it
 * was (a bug, a database failure: never dressed up as HeyGen's).
 */
export function throwHeygenAppError(error: unknown, request: HeygenRequest): never {
  const failure = classifyHeygenFailure(error);
  if (!failure) throw error;
  throw heygenAppError(failure, request);
}

/** HeyGen's field as the user's input names it: the field itself, else its nearest named parent ("engine.type"). */
function fieldOf(param: string | null, fields: Readonly<Record<string, string>>): string | undefined {
  for (let path = param; path; path = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : null) {
    if (Object.hasOwn(fields, path)) return fields[path];
  }
  return undefined;
}

/** Sentences joined by a space, each but the last ended with a full stop if it lacks one; missing ones left out. */
function sentences(...parts: Array<string | undefined>): string {
  const present = parts.filter((part): part is string => !!part);
  return present.map((part, i) => (i < present.length - 1 && !/[.!?]$/.test(part) ? `${part}.` : part)).join(" ");
}
