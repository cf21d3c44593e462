import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/server/auth/session-cookie";
import { env } from "@/server/env";

/** Two years, subdomains included: what browsers' HSTS preload lists ask for. */
const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Runs before every page and API route (not static assets, not HeyGen's webhook):
 * - HSTS when APP_URL is https. Here rather than in next.config.ts, whose headers are fixed at build time:
 *   one build serves both http and https deployments, so this is decided at run time.
 * - Sends visitors without a session cookie to the login page before /admin renders. This is only a
 *   convenience: the admin page and every admin route verify the session themselves.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const needsLogin = (pathname === "/admin" || pathname.startsWith("/admin/")) && !request.cookies.has(SESSION_COOKIE);
  const response = needsLogin ? NextResponse.redirect(new URL("/login", request.url)) : NextResponse.next();
  if (env.APP_URL?.startsWith("https:")) response.headers.set("strict-transport-security", HSTS);
  return response;
}

/**
 * Everything but build assets, the icon and HeyGen's webhook (the other security headers come from next.config.ts).
 * The webhook is a server's POST that neither job above concerns, and running the proxy before a request with a body
 * costs Next a web request for the proxy and a copy of the body into streams: about a quarter of the webhook's CPU
 * (docs/performance.md).
 */
export const config = { matcher: ["/((?!_next/static|_next/image|icon\\.svg|api/heygen/callback).*)"] };
