import { setupServer } from "msw/node";
import { createFakeHeygen, fakeLooks, fakeVoices } from "@/mocks/heygen/fake-heygen";
import { CALLBACK_URL, TEST_ENV } from "./test-env";

/**
 * HeyGen for the integration tests: the project's fake, answered in-process by MSW. Renders finish at once;
 * nothing is sent over the network: what the fake would deliver lands in `fakeHeygen.outbox`, so each test
 * replays HeyGen's own deliveries into the route when it wants to. The app's callback URL is registered as a
 * v3 endpoint signed with the app's HEYGEN_SECRET.
 */
export const fakeHeygen = createFakeHeygen({
  baseUrl: TEST_ENV.HEYGEN_API_URL,
  apiKey: TEST_ENV.HEYGEN_API_KEY,
  renderMs: 0,
  deliverWebhooks: false,
  endpoints: [
    {
      url: CALLBACK_URL,
      secret: TEST_ENV.HEYGEN_SECRET,
      events: ["avatar_video.success", "avatar_video.fail", "video_translate.success", "video_translate.fail"],
    },
  ],
});

export const heygenServer = setupServer(...fakeHeygen.handlers);

/** Every outgoing request (in these tests, only HeyGen is called) since the test began, as "METHOD /path". */
export const heygenRequests: string[] = [];
heygenServer.events.on("request:start", ({ request }) => {
  heygenRequests.push(`${request.method} ${new URL(request.url).pathname}`);
});

/** Looks and voices of the fake's catalogue, by role. */
export const LANDSCAPE_LOOK = fakeLooks.find(
  (look) => look.preferred_orientation === "landscape" && look.ownership === "public",
)!;
export const PORTRAIT_LOOK = fakeLooks.find((look) => look.preferred_orientation === "portrait")!;
export const LOOK_WITHOUT_VOICE = fakeLooks.find((look) => look.default_voice_id === null)!;
export const A_VOICE = fakeVoices.find((voice) => voice.type === "public")!;
