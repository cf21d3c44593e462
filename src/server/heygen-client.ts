import "server-only";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { requireHeygenApiKey } from "@/server/settings/credentials";
import { createHeygenClient } from "@/server/heygen/client";

/**
 * The app's HeyGen client, configured here, outside `heygen/` (which imports nothing else from the server). The key
 * is looked up for each call (HEYGEN_API_KEY, else the one saved in Settings), so a key saved in Settings works
 * without a restart; with none, a call fails with heygen_not_configured (503).
 */
export const heygen = createHeygenClient({
  apiUrl: env.HEYGEN_API_URL,
  apiKey: requireHeygenApiKey,
  timeoutMs: env.HEYGEN_TIMEOUT_MS,
  warn: (fields, message) => logger.warn(fields, message),
});
