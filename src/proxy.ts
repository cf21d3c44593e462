import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/server/auth/session-cookie";

/**
 * Sends visitors without a session cookie to the login page before /admin renders. This is only a
 * convenience: the admin page and every admin route verify the session themselves.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  return NextResponse.redirect(new URL("/login", request.url));
}

export const config = { matcher: ["/admin/:path*"] };
