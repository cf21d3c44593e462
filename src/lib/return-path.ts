/** Where a login goes when it was asked for nothing else, or for somewhere it may not go. */
export const AFTER_LOGIN = "/admin";

/** The query parameter that carries the page a visitor asked for through the login. */
export const RETURN_PARAM = "next";

const PLACEHOLDER_ORIGIN = "http://return-path.invalid";

/**
 * The page to go to after logging in: `asked` when it is a path on this site ("/admin/plan?month=2026-12"), else
 * AFTER_LOGIN. Never another site's address, however written: "//evil.com", "/\\evil.com" (browsers read "\" as "/"),
 * "https://evil.com", "javascript:…", or one hidden behind control characters, which URL parsing would strip.
 */
export function returnPath(asked: string | null | undefined): string {
  if (!asked || !asked.startsWith("/") || asked.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(asked)) {
    return AFTER_LOGIN;
  }
  const url = new URL(asked, PLACEHOLDER_ORIGIN);
  if (url.origin !== PLACEHOLDER_ORIGIN) return AFTER_LOGIN;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The login page's address, carrying `path` to come back to (nothing for the default). */
export function loginPath(path: string): string {
  const back = returnPath(path);
  return back === AFTER_LOGIN ? "/login" : `/login?${new URLSearchParams({ [RETURN_PARAM]: back })}`;
}
