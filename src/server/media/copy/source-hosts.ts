import "server-only";
import { isDemoMode } from "@/server/demo-mode";
import { env } from "@/server/env";

/**
 * Where HeyGen keeps finished media, as domains (the domain itself or any subdomain, over https). Seen in HeyGen's
 * answers and webhooks: files.heygen.ai, files2.heygen.ai (presigned CloudFront URLs), resource.heygen.ai and
 * resource2.heygen.ai; HeyGen's own tooling and the app's CSP (src/server/http/content-security-policy.ts) trust the
 * whole heygen.ai domain, and heygen.com is HeyGen's other domain (its API). Anything else is refused: a copy follows
 * URLs that HeyGen's answers carry, and must never be pointed at our own network or someone else's server.
 */
export const HEYGEN_MEDIA_DOMAINS = ["heygen.ai", "heygen.com"] as const;

/** Null when a copy may read `url`; otherwise why not, in words an admin reads. */
export function sourceRefusal(url: URL): string | null {
  if (isFakeOrigin(url)) return null;
  const host = url.hostname.toLowerCase();
  const heygens = HEYGEN_MEDIA_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
  if (url.protocol === "https:" && heygens) return null;
  return `${url.protocol}//${url.host} is not one of HeyGen's media hosts (${HEYGEN_MEDIA_DOMAINS.join(", ")}), so it was not copied.`;
}

/** The offline fake on this machine (HEYGEN_API_URL on loopback) serves its media from its own origin. */
function isFakeOrigin(url: URL): boolean {
  return isDemoMode() && url.origin === new URL(env.HEYGEN_API_URL).origin;
}
