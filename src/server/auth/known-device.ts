import "server-only";
import { randomUUID } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { env } from "@/server/env";

/**
 * The "known device" cookie: set by every successful login and kept for KNOWN_DEVICE_DAYS (logout leaves it), it
 * says that this browser once had the right password. Such a browser skips the global login slow-down and has a
 * per-client limit of its own, keyed by its device id, so nobody without the cookie can use up its attempts (the
 * cookie is sealed with SESSION_SECRET: it cannot be forged or made up). It grants nothing else: the password is
 * still checked.
 */
export const KNOWN_DEVICE_COOKIE = "known_device";
const KNOWN_DEVICE_DAYS = 180;
const ttlSeconds = KNOWN_DEVICE_DAYS * 24 * 3600;
/** Only the login route reads it: the browser sends it nowhere else. */
const COOKIE_PATH = "/api/admin/login";

type KnownDevice = { kind: "known_device"; deviceId: string };

/** The device id of a request's valid known-device cookie, or null. */
export async function knownDeviceId(request: {
  cookies: { get(name: string): { value: string } | undefined };
}): Promise<string | null> {
  const sealed = request.cookies.get(KNOWN_DEVICE_COOKIE)?.value;
  if (!sealed) return null;
  try {
    // iron-session refuses a tampered seal and one past its ttl (an empty object for an empty or foreign one).
    const device = await unsealData<Partial<KnownDevice>>(sealed, { password: env.SESSION_SECRET, ttl: ttlSeconds });
    return device.kind === "known_device" && typeof device.deviceId === "string" ? device.deviceId : null;
  } catch {
    return null;
  }
}

/** The cookie a successful login sets: the same device id again when it had one, so its limit stays its own. */
export async function knownDeviceCookie(deviceId: string | null) {
  const device: KnownDevice = { kind: "known_device", deviceId: deviceId ?? randomUUID() };
  const value = await sealData(device, { password: env.SESSION_SECRET, ttl: ttlSeconds });
  return {
    name: KNOWN_DEVICE_COOKIE,
    value,
    options: {
      httpOnly: true,
      sameSite: "strict",
      // As the session cookie: Secure whenever the app is served over https.
      secure: env.APP_URL?.startsWith("https:") ?? false,
      path: COOKIE_PATH,
      maxAge: ttlSeconds,
    },
  } as const;
}
