import "server-only";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { createHeygenClient } from "./client";

/** The app's HeyGen client, configured from the environment. */
export const heygen = createHeygenClient({
  apiUrl: env.HEYGEN_API_URL,
  apiKey: env.HEYGEN_API_KEY,
  timeoutMs: env.HEYGEN_TIMEOUT_MS,
  warn: (fields, message) => logger.warn(fields, message),
});
