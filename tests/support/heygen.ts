import { setupServer } from "msw/node";
import { createFakeHeygen } from "@/mocks/heygen/fake-heygen";
import { TEST_ENV } from "./test-env";

/**
 * HeyGen for the integration tests: the project's fake, answered in-process by MSW.
 * Jobs finish at once; webhooks are sent by the tests themselves, so each test controls them.
 */
export const fakeHeygen = createFakeHeygen({
  baseUrl: TEST_ENV.HEYGEN_API_URL,
  apiKey: TEST_ENV.HEYGEN_API_KEY,
  webhookSecret: TEST_ENV.HEYGEN_SECRET,
  renderMs: 0,
  deliverWebhooks: false,
});

export const heygenServer = setupServer(...fakeHeygen.handlers);
