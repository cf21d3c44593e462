import "server-only";
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { DEV_ADMIN_PASSWORD, DEV_SESSION_SECRET } from "./dev-defaults";
import { processWide, processWideHandle } from "./process-wide";

const production = () => process.env.NODE_ENV === "production";

/** ENCRYPTION_KEY's 32 bytes, written as 64 hex characters or as base64 (standard or URL-safe); null otherwise. */
function decodeEncryptionKey(value: string): Buffer | null {
  const trimmed = value.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed, "base64");
  return key.length === 32 ? key : null;
}

/** Whether `value` names a time zone this runtime knows. */
function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Refuses `devDefault` in production: a deployment must set its own value. */
const notTheDevDefault = (devDefault: string) => (value: string) => !production() || value !== devDefault;

/** Reads and validates `process.env`; throws, naming each bad variable, when one is missing or wrong. */
const readEnv = () =>
  createEnv({
    server: {
      NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
      DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
      // LISTEN needs a session of its own: behind a transaction-mode pooler (PgBouncer, Supabase's, Neon's), set
      // this to the direct connection string. Unset: DATABASE_URL.
      DATABASE_LISTEN_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }).optional(),
      // Optional: without it the app still starts, and an admin adds the key in Settings (stored encrypted). When set,
      // it wins over Settings.
      HEYGEN_API_KEY: z.string().min(1).optional(),
      HEYGEN_API_URL: z.url().default("https://api.heygen.com"),
      // Longest wait for one HeyGen call; a create that times out is left unconfirmed, never resent.
      HEYGEN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
      // Optional on purpose: without it (and without one saved in Settings) the webhook refuses every signed event
      // (fails closed) and says why. When set, it wins over Settings.
      HEYGEN_SECRET: z.string().min(1).optional(),
      // Encrypts what admins save in Settings (AES-256-GCM). Unset: Settings can show but not save.
      ENCRYPTION_KEY: z
        .string()
        .transform((value, context) => {
          const key = decodeEncryptionKey(value);
          if (!key)
            context.addIssue({
              code: "custom",
              message: "must be 32 bytes, as 64 hex characters or base64 (openssl rand -hex 32)",
            });
          return key ?? z.NEVER;
        })
        .optional(),
      ADMIN_PASSWORD: z
        .string()
        .min(8, "must be at least 8 characters")
        .refine(notTheDevDefault(DEV_ADMIN_PASSWORD), "is the development default: set your own"),
      SESSION_SECRET: z
        .string()
        .min(32, "must be at least 32 characters")
        .refine(
          notTheDevDefault(DEV_SESSION_SECRET),
          "is the development default: set your own (openssl rand -hex 32)",
        ),
      // How long an admin session lasts; "log out everywhere" ends them all sooner.
      SESSION_TTL_HOURS: z.coerce
        .number()
        .positive()
        .max(24 * 30)
        .default(12),
      // Bearer token of POST /api/cron/reconcile (the Vercel Cron convention). Unset: that route answers 503.
      CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
      // A video with no news from HeyGen for this long is checked with HeyGen's API (on read, by the timer,
      // by `npm run reconcile` and by the cron route).
      RECONCILE_AFTER_SECONDS: z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 3600)
        .default(120),
      // Viewers' long-polls (GET /api/videos/[id]?wait=N) this process holds at once, in all and per client address;
      // past either, a request is answered at once like a plain poll.
      LONG_POLL_MAX_HELD: z.coerce.number().int().min(0).max(100_000).default(1_000),
      LONG_POLL_MAX_PER_CLIENT: z.coerce.number().int().min(0).max(10_000).default(10),
      // Bearer token of POST /api/admin/batches for automation (a monthly job): Authorization: Bearer <ADMIN_API_TOKEN>.
      // Unset: only an admin session may trigger a batch.
      ADMIN_API_TOKEN: z.string().min(32, "must be at least 32 characters (openssl rand -hex 32)").optional(),
      // The bulk queue's pace, shared by every worker: at most one HeyGen create per this many milliseconds.
      QUEUE_SUBMIT_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1_000),
      // At most this many of the queue's videos in flight at HeyGen (sent, not yet completed or failed) before it waits:
      // your plan's concurrent-render limit.
      QUEUE_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(1_000).default(3),
      // A create HeyGen refused for a transient reason (429, a refusal it says is temporary) is tried this many times
      // in all, with backoff, before its video is marked failed.
      QUEUE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
      // A plan translation waits for its video to be completed (issue 19): its job steps aside and looks again after
      // this many seconds (a render takes minutes; each look is one small query).
      QUEUE_TRANSLATION_WAIT_SECONDS: z.coerce.number().int().min(1).max(3_600).default(15),
      // "on": this process works the queue (started from instrumentation.ts). "off": only `npm run worker` processes do.
      QUEUE_WORKER: z.enum(["on", "off"]).default("on"),
      // The time zone of the content plan's publish times (an IANA name, e.g. Europe/Berlin): a plan video approved in
      // review becomes public on its plan date at its month's publish time there.
      PUBLISH_TIMEZONE: z
        .string()
        .refine(isTimeZone, "must be an IANA time zone name, such as UTC or Europe/Berlin")
        .default("UTC"),
      // A job whose worker died is taken over after this many seconds (longer than one HeyGen call).
      QUEUE_JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(2).max(3_600).default(60),
      // How many reverse proxies in front of the app to trust for the client's address (the Express convention): the
      // client is the address that many hops from the right of X-Forwarded-For. 0 (unset): X-Forwarded-For is not
      // trusted, and every client shares one per-client login limit.
      TRUST_PROXY: z.coerce.number({ error: "must be a number of proxy hops" }).int().min(0).max(20).default(0),
      // Where copies of finished videos live (issue 17): "local" (files under MEDIA_DIR) or "s3" (any S3-compatible
      // service: AWS S3, Cloudflare R2, MinIO, Backblaze B2; the S3_* variables below).
      MEDIA_STORAGE: z.enum(["local", "s3"]).default("local"),
      MEDIA_DIR: z.string().min(1).default(".data/media"),
      // Optional: a CDN or public bucket base URL that serves the stored objects directly (MEDIA_PUBLIC_URL + key).
      // Unset: the app serves them (local) or hands out short-lived presigned GETs (s3).
      MEDIA_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
      // Largest file copied from HeyGen, in bytes (default 2 GiB).
      MEDIA_MAX_BYTES: z.coerce
        .number()
        .int()
        .min(1)
        .default(2 * 1024 ** 3),
      // A failed copy from HeyGen (its CDN answers 403/404 for a while after a render) is tried again after about
      // this many seconds, doubling each time (src/server/media/copy/copy-queue.ts).
      MEDIA_COPY_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
      S3_BUCKET: z.string().min(1).optional(),
      S3_REGION: z.string().min(1).default("auto"),
      // Optional: the service's endpoint (R2: https://<account>.r2.cloudflarestorage.com; MinIO: its URL). Unset: AWS.
      S3_ENDPOINT: z.url().optional(),
      // "true" for services that need path-style URLs (MinIO, most self-hosted ones).
      S3_FORCE_PATH_STYLE: z
        .enum(["true", "false"])
        .default("false")
        .transform((value) => value === "true"),
      S3_ACCESS_KEY_ID: z.string().min(1).optional(),
      S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
      // Outgoing webhooks (issue 18) are never sent to loopback, private, link-local, CGNAT, multicast or unspecified
      // addresses (the SSRF rule), nor over http in production. "true" allows both: a receiver on this machine or
      // the private network (tests, a self-hosted n8n beside the app).
      ALLOW_PRIVATE_WEBHOOK_URLS: z
        .enum(["true", "false"])
        .default("false")
        .transform((value) => value === "true"),
      LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
      // Public origin of this deployment, read at run time (never inlined by `next build`, so one build
      // serves every host): every absolute link (share previews, oEmbed), HeyGen's callback_url, Secure cookies and
      // HSTS when it is https. Required in production: request headers (Host, X-Forwarded-Host) are the client's to
      // forge, so the app never takes its own address from them.
      APP_URL: z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
        .optional()
        .refine(
          (value) => !production() || value !== undefined,
          "is missing: production needs this deployment's public address, e.g. https://videos.example.com",
        ),
      // The port `next dev` / `next start` listen on (Next reads it too). Outside production, links fall back to
      // http://localhost:<PORT> when APP_URL is unset.
      PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    },
    client: {},
    runtimeEnv: {
      NODE_ENV: process.env.NODE_ENV,
      DATABASE_URL: process.env.DATABASE_URL,
      DATABASE_LISTEN_URL: process.env.DATABASE_LISTEN_URL,
      HEYGEN_API_KEY: process.env.HEYGEN_API_KEY,
      HEYGEN_API_URL: process.env.HEYGEN_API_URL,
      HEYGEN_TIMEOUT_MS: process.env.HEYGEN_TIMEOUT_MS,
      HEYGEN_SECRET: process.env.HEYGEN_SECRET,
      ENCRYPTION_KEY: process.env.ENCRYPTION_KEY,
      ADMIN_PASSWORD: process.env.ADMIN_PASSWORD,
      SESSION_SECRET: process.env.SESSION_SECRET,
      SESSION_TTL_HOURS: process.env.SESSION_TTL_HOURS,
      CRON_SECRET: process.env.CRON_SECRET,
      RECONCILE_AFTER_SECONDS: process.env.RECONCILE_AFTER_SECONDS,
      LONG_POLL_MAX_HELD: process.env.LONG_POLL_MAX_HELD,
      LONG_POLL_MAX_PER_CLIENT: process.env.LONG_POLL_MAX_PER_CLIENT,
      ADMIN_API_TOKEN: process.env.ADMIN_API_TOKEN,
      QUEUE_SUBMIT_INTERVAL_MS: process.env.QUEUE_SUBMIT_INTERVAL_MS,
      QUEUE_MAX_IN_FLIGHT: process.env.QUEUE_MAX_IN_FLIGHT,
      QUEUE_MAX_ATTEMPTS: process.env.QUEUE_MAX_ATTEMPTS,
      QUEUE_TRANSLATION_WAIT_SECONDS: process.env.QUEUE_TRANSLATION_WAIT_SECONDS,
      QUEUE_WORKER: process.env.QUEUE_WORKER,
      PUBLISH_TIMEZONE: process.env.PUBLISH_TIMEZONE,
      QUEUE_JOB_TIMEOUT_SECONDS: process.env.QUEUE_JOB_TIMEOUT_SECONDS,
      TRUST_PROXY: process.env.TRUST_PROXY,
      ALLOW_PRIVATE_WEBHOOK_URLS: process.env.ALLOW_PRIVATE_WEBHOOK_URLS,
      MEDIA_STORAGE: process.env.MEDIA_STORAGE,
      MEDIA_DIR: process.env.MEDIA_DIR,
      MEDIA_PUBLIC_URL: process.env.MEDIA_PUBLIC_URL,
      MEDIA_MAX_BYTES: process.env.MEDIA_MAX_BYTES,
      MEDIA_COPY_RETRY_DELAY_SECONDS: process.env.MEDIA_COPY_RETRY_DELAY_SECONDS,
      S3_BUCKET: process.env.S3_BUCKET,
      S3_REGION: process.env.S3_REGION,
      S3_ENDPOINT: process.env.S3_ENDPOINT,
      S3_FORCE_PATH_STYLE: process.env.S3_FORCE_PATH_STYLE,
      S3_ACCESS_KEY_ID: process.env.S3_ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: process.env.S3_SECRET_ACCESS_KEY,
      LOG_LEVEL: process.env.LOG_LEVEL,
      APP_URL: process.env.APP_URL,
      PORT: process.env.PORT,
    },
    emptyStringAsUndefined: true,
    // Settings that are only wrong together.
    createFinalSchema: (shape) => z.object(shape).superRefine(s3SettingsComplete),
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

/** Largest object one S3 CopyObject can copy: S3 storage moves each upload to its content-addressed key with one. */
const S3_COPY_MAX_BYTES = 5 * 1024 ** 3;

type S3Settings = {
  MEDIA_STORAGE: "local" | "s3";
  MEDIA_MAX_BYTES: number;
  S3_BUCKET?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
};

/**
 * MEDIA_STORAGE=s3 needs a bucket, and the key and secret together or neither (neither: the AWS SDK's own chain, as
 * an AWS deployment with an instance or task role wants: AWS_* variables, ~/.aws, the role).
 */
function s3SettingsComplete(values: S3Settings, context: z.RefinementCtx) {
  if (values.MEDIA_STORAGE !== "s3") return;
  const issue = (name: keyof S3Settings, message: string) =>
    context.addIssue({ code: "custom", path: [name], message });
  if (!values.S3_BUCKET) issue("S3_BUCKET", "is missing: MEDIA_STORAGE=s3 needs the bucket's name");
  const pair = ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
  for (const [name, other] of [pair, [pair[1], pair[0]]] as const) {
    if (!values[name] && values[other])
      issue(name, `is missing: set it with ${other} (or neither, for the AWS SDK's default credentials)`);
  }
  if (values.MEDIA_MAX_BYTES > S3_COPY_MAX_BYTES)
    issue("MEDIA_MAX_BYTES", `must be at most ${S3_COPY_MAX_BYTES} (5 GiB) with MEDIA_STORAGE=s3`);
}

const validated = () => processWide("env", readEnv);

/**
 * The validated environment: the only module that reads `process.env`. Read once per process, on first use
 * (src/server/on-server-start.ts calls `validateEnv` at start-up); read again only after the tests' reset
 * (process-wide.ts), which is how a test sees a changed environment.
 */
export const env = processWideHandle(validated);

/**
 * Reads the environment now: at start-up, so that a missing or invalid variable stops the server with a message
 * naming it instead of failing the first request that needs it. `next build` runs without the runtime secrets, so
 * it does not validate then.
 */
export function validateEnv(): void {
  validated();
}
