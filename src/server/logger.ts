import "server-only";
import pino from "pino";
import { env } from "@/server/env";

/**
 * Structured JSON logs, one object per line. Never log secrets, full signatures or scripts: the redaction
 * below is a safety net, not a licence.
 */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: undefined,
  redact: {
    paths: ["*.password", "*.apiKey", "*.secret", "*.signature", "*.script", "*.cookie", "*.authorization"],
    censor: "[redacted]",
  },
});
