import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { loginPath } from "@/lib/return-path";
import { env } from "@/server/env";
import { PAGE_PATH_HEADER, SESSION_COOKIE } from "./session-cookie";
import { endSession, isSessionOpen, openSession } from "./session-store";

/** What the cookie carries: its session's id (an AdminSession row), and when it was issued (ms since the epoch). */
type AdminSession = { role: "admin"; sessionId: string; issuedAt: number };

/** SESSION_TTL_HOURS in seconds, as iron-session and the cookie take it. */
const ttlSeconds = () => Math.round(env.SESSION_TTL_HOURS * 3600);

export function isAdminPassword(candidate: string): boolean {
  // Hash both sides so the comparison is constant-time whatever the lengths.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(candidate), digest(env.ADMIN_PASSWORD));
}

/** The signed, encrypted session cookie (iron-session seal), set by the login route. */
export async function createSessionCookie() {
  const issuedAt = Date.now();
  const sessionId = await openSession(issuedAt, ttlSeconds() * 1000);
  const session: AdminSession = { role: "admin", sessionId, issuedAt };
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

/** The cookie's content when its seal is intact and within its ttl, else null. */
async function unseal(sealed: string | undefined): Promise<Partial<AdminSession> | null> {
  if (!sealed) return null;
  try {
    // iron-session refuses a seal past the ttl it was sealed with (and a tampered one).
    return await unsealData<Partial<AdminSession>>(sealed, { password: env.SESSION_SECRET, ttl: ttlSeconds() });
  } catch {
    return null;
  }
}

async function isValidSession(sealed: string | undefined): Promise<boolean> {
  const session = await unseal(sealed);
  if (session?.role !== "admin" || typeof session.issuedAt !== "number") return false;
  // Also measured against today's TTL, so that shortening SESSION_TTL_HOURS shortens sessions already issued.
  if (Date.now() - session.issuedAt > ttlSeconds() * 1000) return false;
  // Logout, "log out everywhere" and a password change end the row in the database: the cookie ends with it,
  // on every instance. (Cookies from before sessions had rows carry no id.)
  return typeof session.sessionId === "string" && isSessionOpen(session.sessionId);
}

type RequestWithCookies = { cookies: { get(name: string): { value: string } | undefined } };

/** Logout: ends the session the request's cookie names, if any, so that a copy of the cookie stops working too. */
export async function endRequestSession(request: RequestWithCookies): Promise<void> {
  const session = await unseal(request.cookies.get(SESSION_COOKIE)?.value);
  if (typeof session?.sessionId === "string") await endSession(session.sessionId);
}

/** For route handlers: reads the session from the request itself. */
export async function isAdminRequest(request: RequestWithCookies) {
  return isValidSession(request.cookies.get(SESSION_COOKIE)?.value);
}

/** For server components and pages. */
export async function isAdminSession(): Promise<boolean> {
  const store = await cookies();
  return isValidSession(store.get(SESSION_COOKIE)?.value);
}

/** For admin pages: sends anyone without a session to the login page, and from there back to this page. */
export async function requireAdminPage(): Promise<void> {
  if (!(await isAdminSession())) redirect(loginPath((await headers()).get(PAGE_PATH_HEADER) ?? ""));
}
