import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/server/env";
import { currentSessionVersion } from "./session-version";
import { SESSION_COOKIE } from "./session-cookie";

/** What the cookie carries: the session version it was issued under, and when (ms since the epoch). */
type AdminSession = { role: "admin"; version: number; issuedAt: number };

/** SESSION_TTL_HOURS in seconds, as iron-session and the cookie take it. */
const ttlSeconds = () => Math.round(env.SESSION_TTL_HOURS * 3600);

export function isAdminPassword(candidate: string): boolean {
  // Hash both sides so the comparison is constant-time whatever the lengths.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(candidate), digest(env.ADMIN_PASSWORD));
}

/** The signed, encrypted session cookie (iron-session seal), set by the login route. */
export async function createSessionCookie() {
  const session: AdminSession = { role: "admin", version: await currentSessionVersion(), issuedAt: Date.now() };
  const value = await sealData(session, { password: env.SESSION_SECRET, ttl: ttlSeconds() });
  return {
    name: SESSION_COOKIE,
    value,
    options: {
      httpOnly: true,
      sameSite: "lax",
      // Read at run time: the same build is Secure behind https and still works on plain http://localhost.
      secure: env.APP_URL?.startsWith("https:") ?? false,
      path: "/",
      maxAge: ttlSeconds(),
    },
  } as const;
}

/** Options that make the browser drop the session cookie (logout, log out everywhere). */
export const CLEARED_SESSION_COOKIE = {
  name: SESSION_COOKIE,
  value: "",
  options: { httpOnly: true, sameSite: "lax", path: "/", maxAge: 0 },
} as const;

async function isValidSession(sealed: string | undefined): Promise<boolean> {
  if (!sealed) return false;
  let session: Partial<AdminSession>;
  try {
    // iron-session refuses a seal past the ttl it was sealed with (and a tampered one).
    session = await unsealData<Partial<AdminSession>>(sealed, { password: env.SESSION_SECRET, ttl: ttlSeconds() });
  } catch {
    return false;
  }
  if (session.role !== "admin" || typeof session.issuedAt !== "number") return false;
  // Also measured against today's TTL, so that shortening SESSION_TTL_HOURS shortens sessions already issued.
  if (Date.now() - session.issuedAt > ttlSeconds() * 1000) return false;
  // "Log out everywhere" and a password change bump the version in the database: older cookies end here.
  return session.version === (await currentSessionVersion());
}

/** For route handlers: reads the session from the request itself. */
export async function isAdminRequest(request: { cookies: { get(name: string): { value: string } | undefined } }) {
  return isValidSession(request.cookies.get(SESSION_COOKIE)?.value);
}

/** For server components and pages. */
export async function isAdminSession(): Promise<boolean> {
  const store = await cookies();
  return isValidSession(store.get(SESSION_COOKIE)?.value);
}

/** For admin pages: sends anyone without a session to the login page. */
export async function requireAdminPage(): Promise<void> {
  if (!(await isAdminSession())) redirect("/login");
}
