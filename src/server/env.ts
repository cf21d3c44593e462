import "server-only";
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * The validated environment: the only module that reads `process.env`.
 *
 * `next build` runs without the runtime secrets, so validation waits for the server to start
 * (src/instrumentation.ts imports this module at start-up and stops the process on a bad value).
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
    HEYGEN_API_KEY: z.string().min(1, "is required"),
    HEYGEN_API_URL: z.url().default("https://api.heygen.com"),
    // Longest wait for one HeyGen call; a create that times out is left unconfirmed, never resent.
    HEYGEN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
    // Optional on purpose: without it the webhook refuses every event (fails closed) and says why.
    HEYGEN_SECRET: z.string().min(1).optional(),
    ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters"),
    // Public origin of this deployment, read at run time (never inlined by `next build`, so one build
    // serves every host): HeyGen's callback_url, and Secure cookies when it is https.
    APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  },
  client: {},
  runtimeEnv: {
    NODE_ENV: process.env.NODE_ENV,
    DATABASE_URL: process.env.DATABASE_URL,
    HEYGEN_API_KEY: process.env.HEYGEN_API_KEY,
    HEYGEN_API_URL: process.env.HEYGEN_API_URL,
    HEYGEN_TIMEOUT_MS: process.env.HEYGEN_TIMEOUT_MS,
    HEYGEN_SECRET: process.env.HEYGEN_SECRET,
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD,
    SESSION_SECRET: process.env.SESSION_SECRET,
    APP_URL: process.env.APP_URL,
  },
  emptyStringAsUndefined: true,
  skipValidation: process.env.NEXT_PHASE === "phase-production-build",
  onValidationError: (issues) => {
    const lines = issues.map((issue) => {
      const name = issue.path?.map((p) => (typeof p === "object" ? p.key : p)).join(".") ?? "?";
      const missing = issue.message.includes("received undefined");
      return `  - ${name}: ${missing ? "is missing" : issue.message}`;
    });
    const message = `Invalid environment variables (see .env.example):\n${lines.join("\n")}`;
    console.error(message);
    throw new Error(message);
  },
});
