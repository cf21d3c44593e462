import { NextResponse } from "next/server";
import { z } from "@/lib/zod";
import { clientAddress } from "@/server/auth/client-address";
import { knownDeviceCookie, knownDeviceId } from "@/server/auth/known-device";
import { checkPasswordWithinLimits, type LoginClient } from "@/server/auth/login-limit";
import { createSessionCookie, isAdminPassword } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { route } from "@/server/http/route";

const loginInput = z.object({ password: z.string({ error: "is required" }).min(1, "is required") });

// POST /api/admin/login — exchange the admin password for a session cookie, within the login limits
export const POST = route({ body: loginInput }, async ({ request, body }) => {
  const deviceId = await knownDeviceId(request);
  const client: LoginClient = deviceId ? { knownDeviceId: deviceId } : { address: clientAddress(request) };
  // Counted before the password is checked, so a burst gets no more checks than the limit (429 past it).
  const right = await checkPasswordWithinLimits(client, () => isAdminPassword(body.password));
  if (!right) throw new AppError("unauthorized", "Wrong password.");
  const response = NextResponse.json({ ok: true });
  const session = await createSessionCookie();
  response.cookies.set(session.name, session.value, session.options);
  // Not cleared by logout: this browser has had the right password, so a flood never holds it back.
  const device = await knownDeviceCookie(deviceId);
  response.cookies.set(device.name, device.value, device.options);
  return response;
});
