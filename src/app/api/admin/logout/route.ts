import { NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/server/auth/session-cookie";
import { route } from "@/server/http/route";

// POST /api/admin/logout — drop the session cookie
export const POST = route({}, async () => {
  const response = NextResponse.json({ ok: true });
  response.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 0 });
  return response;
});
