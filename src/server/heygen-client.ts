import "server-only";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { heygenApiKey } from "@/server/settings/credentials";
import { createHeygenClient } from "@/server/heygen/client";

/**
 * The app's HeyGen client, configured here, outside `heygen/` (which imports nothing else from the server). The key
 * is looked up for each call (HEYGEN_API_KEY, else the one saved in Settings), so a key saved in Settings works
 * without a restart. With none, nothing is sent: the call fails as `no_key` (503 "Add your HeyGen API key in
 * Settings." where an admin asks; background work checks first and waits quietly).
 */
export const heygen = createHeygenClient({
  apiUrl: env.HEYGEN_API_URL,
  apiKey: async () => (await heygenApiKey())?.value ?? null,
  timeoutMs: env.HEYGEN_TIMEOUT_MS,
  warn: (fields, message) => logger.warn(fields, message),
});
