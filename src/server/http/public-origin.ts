import "server-only";
import { env } from "@/server/env";

/**
 * This deployment's public origin, for absolute links that leave the site (share previews, oEmbed): APP_URL when
 * set (production sets it), else the host the request came to.
 */
export function publicOrigin(headers: Pick<Headers, "get">): string {
  if (env.APP_URL) return new URL(env.APP_URL).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  const proto = headers.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
