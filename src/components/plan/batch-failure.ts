import { ApiRequestError } from "@/lib/fetch-json";

/** What went wrong with a preview or a trigger, in words that say what to do next. */
export function batchFailure(error: unknown, doing: "count" | "queue"): string {
  const what = doing === "count" ? "Could not count the missing videos" : "Nothing was queued";
  if (!(error instanceof ApiRequestError))
    return `${what}: the server could not be reached. Check the connection and try again.`;
  switch (error.status) {
    case 400:
      return `${what}: ${error.message}`;
    case 401:
      return `${what}: your admin session has ended. Log in again, then try again.`;
    case 409:
      return `${what}: ${error.message} Reload the page to see where things stand.`;
    case 503:
      return `${what}: ${error.message} Try again in a moment.`;
    default:
      return `${what}: ${error.message}`;
  }
}
