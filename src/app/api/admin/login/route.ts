import { NextResponse } from "next/server";
import { z } from "zod";
import { checkPasswordWithinLimits, clientAddress } from "@/server/auth/login-limit";
import { createSessionCookie, isAdminPassword } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { route } from "@/server/http/route";

const loginInput = z.object({ password: z.string({ error: "is required" }).min(1, "is required") });

// POST /api/admin/login — exchange the admin password for a session cookie, within the failed-login limits
export const POST = route({ body: loginInput }, async ({ request, body }) => {
  // Counted before the password is checked, so a burst gets no more checks than the limit (429 past it).
  const right = await checkPasswordWithinLimits(clientAddress(request), () => isAdminPassword(body.password));
  if (!right) throw new AppError("unauthorized", "Wrong password.");
  const cookie = await createSessionCookie();
  const response = NextResponse.json({ ok: true });
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
});
