/**
 * What `npm run dev` fills in when nothing is configured. Production refuses to start with them
 * (src/server/env.ts). No `server-only` import: scripts/dev.ts reads these too.
 */
export const DEV_ADMIN_PASSWORD = "admin-password";
export const DEV_SESSION_SECRET = "development-only-session-secret-0123456789";
