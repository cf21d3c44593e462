import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { cookies } from "next/headers";
import { env } from "@/server/env";
import { SESSION_COOKIE } from "./session-cookie";

const SESSION_TTL_SECONDS = 60 * 60 * 24 * 7;

type AdminSession = { role: "admin"; issuedAt: number };

export function isAdminPassword(candidate: string): boolean {
  // Hash both sides so the comparison is constant-time whatever the lengths.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(candidate), digest(env.ADMIN_PASSWORD));
}

/** The signed, encrypted session cookie (iron-session seal), set by the login route. */
export async function createSessionCookie() {
  const session: AdminSession = { role: "admin", issuedAt: Date.now() };
  const value = await sealData(session, { password: env.SESSION_SECRET, ttl: SESSION_TTL_SECONDS });
  return {
    name: SESSION_COOKIE,
    value,
    options: {
      httpOnly: true,
      sameSite: "lax",
      // Read at run time: the same build is Secure behind https and still works on plain http://localhost.
      secure: env.APP_URL?.startsWith("https:") ?? false,
      path: "/",
      maxAge: SESSION_TTL_SECONDS,
    },
  } as const;
}

async function isValidSession(sealed: string | undefined): Promise<boolean> {
  if (!sealed) return false;
  try {
    const session = await unsealData<Partial<AdminSession>>(sealed, {
      password: env.SESSION_SECRET,
      ttl: SESSION_TTL_SECONDS,
    });
    return session.role === "admin";
  } catch {
    return false;
  }
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
