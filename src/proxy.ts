import { NextResponse, type NextRequest } from "next/server";
import { loginPath } from "@/lib/return-path";
import { PAGE_PATH_HEADER, SESSION_COOKIE } from "@/server/auth/session-cookie";
import { newNonce, pageContentSecurityPolicy } from "@/server/http/content-security-policy";
import { setHsts } from "@/server/http/hsts";

/**
 * Runs before every page (not API routes, stored media, build assets or the icon: next.config.ts and route() give
 * those their headers, and the proxy costs every request it runs before, docs/performance.md):
 * - The page's Content-Security-Policy with a fresh nonce, on the answer and on the request, where Next reads it
 *   to put the nonce on the scripts it writes into the page. Only the embed player may be framed, by any site.
 * - HSTS when APP_URL is https. Here rather than in next.config.ts, whose headers are fixed at build time:
 *   one build serves both http and https deployments, so this is decided at run time.
 * - Sends visitors without a session cookie to the login page before /admin renders, with the page asked for
 *   (`?next=`) to come back to. This is only a convenience: the admin page and every admin route verify the session
 *   themselves.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const policy = pageContentSecurityPolicy(newNonce(), /^\/embed\/[^/]+$/.test(pathname) ? "*" : "'none'");
  const needsLogin = (pathname === "/admin" || pathname.startsWith("/admin/")) && !request.cookies.has(SESSION_COOKIE);
  let response: NextResponse;
  if (needsLogin) {
    response = NextResponse.redirect(new URL(loginPath(pathname + request.nextUrl.search), request.url));
  } else {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", policy);
    // For requireAdminPage: a session that ended sends the visitor to log in and back to this page.
    headers.set(PAGE_PATH_HEADER, pathname + request.nextUrl.search);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("content-security-policy", policy);
  setHsts(response.headers);
  return response;
}

/**
 * Pages only: everything but API routes (HeyGen's webhook among them), stored media (/media, route() gives it its
 * headers; a video's bytes need no page policy), build assets, the icon, and the feeds for crawlers (sitemap, robots,
 * RSS: documents that load nothing, given their headers by next.config.ts). An API route
 * behind the proxy served about 700 requests a second against 850 to 1,000 without it (issue 15); before a request
 * with a body, Next also copies the body for the proxy (docs/performance.md).
 */
export const config = {
  matcher: ["/((?!api/|media/|_next/static|_next/image|icon\\.svg|sitemap\\.xml|robots\\.txt|feed\\.xml).*)"],
};
