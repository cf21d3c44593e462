import { NextResponse } from "next/server";
import { CLEARED_SESSION_COOKIE } from "@/server/auth/session";
import { route } from "@/server/http/route";

// POST /api/admin/logout — drop this browser's session cookie (other sessions stay: see DELETE /api/admin/sessions)
export const POST = route({}, async () => {
  const response = NextResponse.json({ ok: true });
  response.cookies.set(CLEARED_SESSION_COOKIE.name, CLEARED_SESSION_COOKIE.value, CLEARED_SESSION_COOKIE.options);
  return response;
});
