import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { createSessionCookie, isAdminPassword } from "@/server/auth/session";
import { errorJson, errorResponse, readJsonBody } from "@/server/http/errors";

const loginInput = z.object({ password: z.string({ error: "is required" }).min(1, "is required") });

// POST /api/admin/login — exchange the admin password for a session cookie
export async function POST(request: NextRequest) {
  try {
    const { password } = await readJsonBody(request, loginInput);
    if (!isAdminPassword(password)) return errorJson(401, "invalid_password", "Wrong password.");
    const cookie = await createSessionCookie();
    const response = NextResponse.json({ ok: true });
    response.cookies.set(cookie.name, cookie.value, cookie.options);
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}
