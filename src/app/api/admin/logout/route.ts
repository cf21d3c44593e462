import { NextResponse } from "next/server";
import { CLEARED_SESSION_COOKIE, endRequestSession } from "@/server/auth/session";
import { route } from "@/server/http/route";

// POST /api/admin/logout — end this browser's session on the server (a copy of its cookie stops working on every
// instance) and drop the cookie; other sessions stay (see DELETE /api/admin/sessions)
export const POST = route({}, async ({ request }) => {
  await endRequestSession(request);
  const response = NextResponse.json({ ok: true });
  response.cookies.set(CLEARED_SESSION_COOKIE.name, CLEARED_SESSION_COOKIE.value, CLEARED_SESSION_COOKIE.options);
  return response;
});
