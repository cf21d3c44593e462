import "server-only";
import { env } from "@/server/env";

/**
 * The client's address for the per-client login limit, or null when it cannot be known.
 *
 * Next's route handlers are not given the socket's address (`NextRequest` has had no `ip` since Next 15), and
 * `next start` writes the socket's address into X-Forwarded-For only when the request carries none
 * (`??=` in next/dist/server/base-server.js), so a client that reaches the app directly can name any address.
 * X-Forwarded-For is therefore trusted only as far as TRUST_PROXY says, the Express convention: with N trusted
 * proxies, each appending the address it saw, the client is the entry N hops from the right; anything further
 * left was written by the client and is ignored. TRUST_PROXY=0 (the default): null, and every client shares one
 * per-client limit.
 */
export function clientAddress(request: Request): string | null {
  const hops = env.TRUST_PROXY;
  if (hops === 0) return null;
  const chain = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than trusted hops: every entry came from a trusted proxy, and the leftmost is the client.
  const address = chain[Math.max(0, chain.length - hops)];
  return address ? address.slice(0, 100) : null; // the key column is varchar(255)
}
