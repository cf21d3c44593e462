import { NextRequest } from "next/server";
import { signHeygenPayload } from "@/server/heygen/signature";
import { POST as login } from "@/app/api/admin/login/route";
import { TEST_ENV } from "./test-env";

const ORIGIN = "http://app.test";

export function jsonRequest(path: string, body: unknown, init: { cookie?: string; method?: string } = {}) {
  return new NextRequest(new URL(path, ORIGIN), {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", ...(init.cookie ? { cookie: init.cookie } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function getRequest(path: string, cookie?: string) {
  return new NextRequest(new URL(path, ORIGIN), { headers: cookie ? { cookie } : {} });
}

/** Logs in through the real login route and returns the `cookie` header value it grants. */
export async function adminCookie(): Promise<string> {
  const response = await login(jsonRequest("/api/admin/login", { password: TEST_ENV.ADMIN_PASSWORD }));
  const setCookie = response.headers.get("set-cookie");
  if (response.status !== 200 || !setCookie) throw new Error(`login failed: ${response.status}`);
  return setCookie.split(";")[0]!;
}

/** A webhook delivery as HeyGen sends it: the exact body bytes, signed. */
export function webhookRequest(
  payload: unknown,
  options: { secret?: string; signature?: string | null } = {},
) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const signature =
    options.signature === undefined ? signHeygenPayload(body, options.secret ?? TEST_ENV.HEYGEN_SECRET) : options.signature;
  return new NextRequest(new URL("/api/heygen/callback", ORIGIN), {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature === null ? {} : { signature }) },
    body,
  });
}

export const validVideoInput = {
  title: "Welcome",
  script: "Hello and welcome to the team!",
  avatarId: "Abigail_expressive_2024112501",
  voiceId: "1bd001e7e50f421d891986aad5158bc8",
  width: 1920,
  height: 1080,
};
