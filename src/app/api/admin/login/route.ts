import { NextResponse } from "next/server";
import { z } from "zod";
import { createSessionCookie, isAdminPassword } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { route } from "@/server/http/route";

const loginInput = z.object({ password: z.string({ error: "is required" }).min(1, "is required") });

// POST /api/admin/login — exchange the admin password for a session cookie
export const POST = route({ body: loginInput }, async ({ body }) => {
  if (!isAdminPassword(body.password)) throw new AppError("unauthorized", "Wrong password.");
  const cookie = await createSessionCookie();
  const response = NextResponse.json({ ok: true });
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
});
