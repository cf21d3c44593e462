import "server-only";
import { env } from "@/server/env";

/** Two years, subdomains included: what browsers' HSTS preload lists ask for. */
const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Strict-Transport-Security when APP_URL is https, else nothing: decided at run time (one build serves http and
 * https deployments), so set by src/proxy.ts on pages and by route() on API answers rather than by next.config.ts.
 */
export function setHsts(headers: Headers): void {
  if (env.APP_URL?.startsWith("https:")) headers.set("strict-transport-security", HSTS);
}
