import { isIP } from "node:net";
import { DEV_ADMIN_PASSWORD, DEV_SESSION_SECRET } from "../../src/server/dev-defaults";

/** Where `npm run dev` listens when HOST is unset: this machine only. */
export const DEV_DEFAULT_HOST = "127.0.0.1";

export type DevListen = {
  /** What `next dev --hostname` gets. */
  hostname: string;
  /** Where a browser on this machine (and the fake HeyGen's webhooks) reach the app. */
  origin: string;
  /** True when other machines can reach it: anything but a loopback address. */
  exposed: boolean;
};

const isLoopback = (host: string) => host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * `npm run dev` listens on 127.0.0.1 unless HOST names another address (0.0.0.0 or :: for every interface): it
 * runs with a published password and session secret unless you set your own.
 */
export function devListen(host: string | undefined, port: number): DevListen {
  const hostname = host?.trim() || DEV_DEFAULT_HOST;
  // A wildcard address accepts connections to any of the machine's addresses, loopback included.
  const local = hostname === "0.0.0.0" ? "127.0.0.1" : hostname === "::" ? "::1" : hostname;
  const urlHost = isIP(local) === 6 ? `[${local}]` : local;
  return { hostname, origin: `http://${urlHost}:${port}`, exposed: !isLoopback(hostname) };
}

/**
 * Why `npm run dev` must not start as configured, or null: reachable from the network while the admin password or
 * the session secret is the published development value (anyone could log in, or forge a session).
 */
export function exposureRefusal(
  listen: DevListen,
  credentials: { adminPassword: string; sessionSecret: string },
): string | null {
  if (!listen.exposed) return null;
  const published = [
    credentials.adminPassword === DEV_ADMIN_PASSWORD && "ADMIN_PASSWORD",
    credentials.sessionSecret === DEV_SESSION_SECRET && "SESSION_SECRET",
  ].filter(Boolean);
  if (published.length === 0) return null;
  return (
    `HOST=${listen.hostname} would put the app on the network with the published development ` +
    `${published.join(" and ")}. Set your own in .env.local (openssl rand -hex 32), or leave HOST unset to ` +
    `listen on ${DEV_DEFAULT_HOST} only.`
  );
}
