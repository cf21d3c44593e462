import "server-only";
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { env } from "@/server/env";

/**
 * The SSRF rule of outgoing webhooks: only globally routable unicast addresses receive deliveries. Loopback, private,
 * unique-local, link-local, CGNAT, multicast, unspecified, reserved and the IPv6 transition ranges are refused, an
 * IPv4-mapped IPv6 address judged as the IPv4 address it carries (ipaddr.js's ranges). ALLOW_PRIVATE_WEBHOOK_URLS
 * lifts the rule.
 */
export function isForbiddenAddress(address: string): boolean {
  if (env.ALLOW_PRIVATE_WEBHOOK_URLS) return false;
  if (!ipaddr.isValid(address)) return true;
  return ipaddr.process(address).range() !== "unicast";
}

/** How long saving waits for the URL's host to resolve. */
const SAVE_LOOKUP_TIMEOUT_MS = 3_000;

/** A delivery refused because of where it would go: its message is what the attempt records. */
export class ForbiddenAddressError extends Error {
  constructor(host: string, address: string) {
    super(
      `Refused: ${host} is ${address}, a private, loopback or otherwise non-public address ` +
        "(set ALLOW_PRIVATE_WEBHOOK_URLS=true to allow it).",
    );
    this.name = "ForbiddenAddressError";
  }
}

/** The URL's host without IPv6 brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * Why `url` may not receive deliveries, or null: http in production (unless private URLs are allowed), or a host that
 * is or resolves to a refused address. A host that does not resolve now is let through: the send-time check judges
 * the address actually connected to.
 */
export async function urlProblem(url: URL): Promise<string | null> {
  if (env.NODE_ENV === "production" && url.protocol !== "https:" && !env.ALLOW_PRIVATE_WEBHOOK_URLS) {
    return "must be an https URL";
  }
  const host = hostOf(url);
  const addresses = ipaddr.isValid(host)
    ? [host]
    : await Promise.race([
        dns.promises
          .lookup(host, { all: true, verbatim: true })
          .then((found) => found.map((entry) => entry.address))
          .catch(() => []),
        // A resolver that does not answer does not hold the request: the send-time check decides.
        new Promise<string[]>((resolve) => setTimeout(() => resolve([]), SAVE_LOOKUP_TIMEOUT_MS).unref()),
      ]);
  const refused = addresses.find(isForbiddenAddress);
  return refused ? `must not point to a private, loopback or otherwise non-public address (${refused})` : null;
}

/**
 * A `lookup` for node:http that refuses a forbidden address after resolving: the address checked is the one connected
 * to, so a name that resolves to a public address when saved and to 127.0.0.1 when sent (DNS rebinding) is refused.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, verbatim: true }, (error, address, family) => {
    if (error) return callback(error, address, family);
    const list: Array<string | dns.LookupAddress> = Array.isArray(address) ? address : [address];
    const refused = list.map((entry) => (typeof entry === "string" ? entry : entry.address)).find(isForbiddenAddress);
    if (refused) return callback(new ForbiddenAddressError(hostname, refused), address, family);
    callback(null, address, family);
  });
};
