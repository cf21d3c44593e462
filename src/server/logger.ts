import "server-only";
import pino from "pino";
import { env } from "@/server/env";

/**
 * Structured JSON logs, one object per line. Never log secrets, full signatures or scripts: the redaction
 * below is a safety net, not a licence.
 */
export const logger = pino({
  // `next build` skips env validation (no defaults then): modules load, nothing logs.
  level: env.LOG_LEVEL ?? "info",
  base: undefined,
  redact: {
    paths: ["*.password", "*.apiKey", "*.secret", "*.signature", "*.script", "*.cookie", "*.authorization"],
    censor: "[redacted]",
  },
});
