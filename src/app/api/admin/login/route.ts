import { NextResponse } from "next/server";
import { z } from "@/lib/zod";
import { clientAddress, loginBlockedFor, recordLoginFailure, recordLoginSuccess } from "@/server/auth/login-limit";
import { createSessionCookie, isAdminPassword } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { route } from "@/server/http/route";

const loginInput = z.object({ password: z.string({ error: "is required" }).min(1, "is required") });

// POST /api/admin/login — exchange the admin password for a session cookie, within the failed-login limits
export const POST = route({ body: loginInput }, async ({ request, body }) => {
  const client = clientAddress(request);
  // Checked before the password, so a blocked client learns nothing, not even from the right one.
  const blockedFor = await loginBlockedFor(client);
  if (blockedFor !== null) {
    const minutes = Math.ceil(blockedFor / 60);
    const message = `Too many failed logins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
    throw new AppError("too_many_attempts", message, { retryAfterSeconds: blockedFor });
  }
  if (!isAdminPassword(body.password)) {
    await recordLoginFailure(client);
    throw new AppError("unauthorized", "Wrong password.");
  }
  await recordLoginSuccess(client);
  const cookie = await createSessionCookie();
  const response = NextResponse.json({ ok: true });
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
});
