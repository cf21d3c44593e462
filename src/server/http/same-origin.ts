import "server-only";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";

/**
 * Refuses a state-changing request that a browser sent from another site, even a sibling subdomain (SameSite=Lax
 * cookies travel there): `Sec-Fetch-Site` must be same-origin (or none: typed by the user), and `Origin`, when
 * present, must be this app's own: APP_URL, or the address the request was sent to (never X-Forwarded-Host, which
 * the client writes). Requests without either header do not come from a browser page, so they carry no ambient
 * cookie to abuse.
 */
export function refuseCrossOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw crossOrigin();
  const origin = request.headers.get("origin");
  if (origin && !ownOrigins(request).has(origin)) throw crossOrigin();
}

function ownOrigins(request: Request): Set<string> {
  const origins = new Set<string>([new URL(request.url).origin]);
  if (env.APP_URL) origins.add(new URL(env.APP_URL).origin);
  return origins;
}

const crossOrigin = () => new AppError("cross_origin", "This request came from another site and was refused.");
