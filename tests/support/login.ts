import { NextRequest } from "next/server";
import { vi } from "vitest";
import { POST as login } from "@/app/api/admin/login/route";
import { restartProcess } from "./restart-process";
import { TEST_ENV } from "./test-env";

export const RIGHT = TEST_ENV.ADMIN_PASSWORD;
export const WRONG = "not the password";

/**
 * A login as it arrives through the reverse proxy, which appends the address it saw to X-Forwarded-For; `cookie`
 * is the request's Cookie header (a known-device cookie).
 */
export function loginFrom(forwardedFor: string | null, password: string, cookie?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (forwardedFor !== null) headers["x-forwarded-for"] = forwardedFor;
  if (cookie) headers.cookie = cookie;
  return login(
    new NextRequest(new URL("/api/admin/login", TEST_ENV.APP_URL), {
      method: "POST",
      headers,
      body: JSON.stringify({ password }),
    }),
  );
}

/** The app as started with TRUST_PROXY set (one reverse proxy in front of it, by default). */
export async function behindProxies(hops = 1) {
  vi.stubEnv("TRUST_PROXY", String(hops));
  await restartProcess();
}

/** The `name=value` of a cookie a response sets, and its attributes. */
export function setCookie(response: Response, name: string) {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
  return line === undefined ? undefined : { pair: line.split(";")[0]!, line };
}

/** Logs in from `address` with the right password and returns the known-device cookie it sets (`name=value`). */
export async function knownDevice(address = "198.51.100.200"): Promise<string> {
  const response = await loginFrom(address, RIGHT);
  const cookie = setCookie(response, "known_device");
  if (response.status !== 200 || !cookie) throw new Error(`login failed: ${response.status}`);
  return cookie.pair;
}
