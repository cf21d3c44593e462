import { NextResponse } from "next/server";
import { CLEARED_SESSION_COOKIE } from "@/server/auth/session";
import { endAllSessions } from "@/server/auth/session-store";
import { route } from "@/server/http/route";

// DELETE /api/admin/sessions — log out everywhere: every admin session cookie ends, on every instance
export const DELETE = route({ admin: true }, async () => {
  await endAllSessions();
  const response = NextResponse.json({ ok: true });
  response.cookies.set(CLEARED_SESSION_COOKIE.name, CLEARED_SESSION_COOKIE.value, CLEARED_SESSION_COOKIE.options);
  return response;
});
