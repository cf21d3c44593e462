/** Values the integration tests run the app with (set by tests/setup/integration.ts). */
export const TEST_ENV = {
  HEYGEN_API_URL: "https://api.heygen.com",
  HEYGEN_API_KEY: "test-heygen-key",
  HEYGEN_SECRET: "test-webhook-secret",
  ADMIN_PASSWORD: "correct horse battery staple",
  SESSION_SECRET: "a-test-session-secret-of-at-least-32-chars",
  NEXT_PUBLIC_APP_URL: "http://app.test",
} as const;
