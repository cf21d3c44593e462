import "server-only";
import { env } from "./env";

/** Loopback names: real HeyGen is never there; the offline fake (npm run dev, browser tests) always is. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The app talks to a HeyGen on this machine (HEYGEN_API_URL on a loopback address): the offline fake that `npm run
 * dev` and the browser tests start, whose credits, keys and videos are pretend. Decided from the address rather than
 * a setting of its own, so that no configuration can forget to say it, and no real account can be taken for a demo.
 */
export function isDemoMode(): boolean {
  return LOOPBACK.test(new URL(env.HEYGEN_API_URL).hostname);
}
