/** Name of the admin session cookie; shared by the session module and proxy.ts. */
export const SESSION_COOKIE = "admin_session";

/** The page's path and query, set on the request by proxy.ts (replacing any the client sent): where a login returns. */
export const PAGE_PATH_HEADER = "x-page-path";
