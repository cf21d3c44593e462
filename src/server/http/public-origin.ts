import "server-only";
import { env } from "@/server/env";

/**
 * This deployment's public origin, for absolute links that leave the site (share previews, oEmbed): APP_URL, which
 * production requires. Never the request's Host or X-Forwarded-Host: a client can forge those, and answers built
 * from them are cached publicly. Outside production without APP_URL (`npm run dev` with a real HeyGen key):
 * the local server, http://localhost:<PORT>.
 */
export function publicOrigin(): string {
  return env.APP_URL ? new URL(env.APP_URL).origin : `http://localhost:${env.PORT}`;
}
