/** Name of the admin session cookie; shared by the session module and proxy.ts. */
export const SESSION_COOKIE = "admin_session";
