/** Values the integration tests run the app with (set by tests/setup/integration.ts). */
export const TEST_ENV = {
  HEYGEN_API_URL: "https://api.heygen.com",
  HEYGEN_API_KEY: "test-heygen-key",
  HEYGEN_SECRET: "test-webhook-secret",
  // Short, so that a HeyGen call that hangs gives up quickly; answers from MSW take milliseconds.
  HEYGEN_TIMEOUT_MS: "1500",
  ADMIN_PASSWORD: "correct horse battery staple",
  SESSION_SECRET: "a-test-session-secret-of-at-least-32-chars",
  APP_URL: "http://app.test",
  // Tests that check log lines spy on the logger; its output would only clutter the run.
  LOG_LEVEL: "silent",
} as const;

/** Where the app asks HeyGen to call back, and where the tests' registered webhook endpoint lives. */
export const CALLBACK_URL = `${TEST_ENV.APP_URL}/api/heygen/callback`;
