import { delay, http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/videos/[id]/route";
import { logger } from "@/server/logger";
import { FAILED_REFRESH_MEMORY_MS, FORCED_REFRESHES_PER_MINUTE } from "@/server/media/fresh-media";
import { completedVideo } from "../support/completed-video";
import { heygenRequests, heygenServer } from "../support/heygen";
import { getRequest } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { TEST_ENV } from "../support/test-env";
import { waitFor } from "../support/wait-for";

/** GET /api/videos/[id] as a viewer; how long it took to answer. */
async function status(id: string, query = "") {
  const started = performance.now();
  const { response } = await callRoute(() =>
    GET(getRequest(`/api/videos/${id}${query}`), { params: Promise.resolve({ id }) }),
  );
  const body = (await response.json()) as { videoUrl: string };
  return { status: response.status, videoUrl: body.videoUrl, ms: performance.now() - started };
}

/** HeyGen's answers to "GET /v3/videos/{id}" so far. */
const videoLookups = () => heygenRequests.filter((request) => request.startsWith("GET /v3/videos/")).length;

/** Whether the app has given up asking HeyGen about a video (every retry done), as its log says, and waiting for it. */
function refreshGivenUp() {
  const warnings = vi.spyOn(logger, "warn");
  const givenUp = () => warnings.mock.calls.some((call) => call[1] === "could not ask HeyGen about a video");
  return { givenUp, wait: () => waitFor(givenUp, Boolean, 15_000) };
}

const expired = () => ({ mediaExpiresAt: new Date(Date.now() - 60_000) });

describe("GET /api/videos/[id]: a media refresh HeyGen cannot do", () => {
  it("is remembered: later requests serve what is stored at once and ask HeyGen nothing, until the memory lapses", async () => {
    const video = await completedVideo(expired());
    const refresh = refreshGivenUp();
    heygenServer.use(
      http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/videos/:id`, () =>
        HttpResponse.json({ error: { code: "internal_error", message: "HeyGen is down" } }, { status: 500 }),
      ),
    );
    const first = await status(video.id);
    expect(first).toMatchObject({ status: 200, videoUrl: video.videoUrl });
    await refresh.wait();
    const lookups = videoLookups();
    expect(lookups).toBeGreaterThan(0);

    for (let i = 0; i < 5; i++) {
      const again = await status(video.id);
      expect(again).toMatchObject({ status: 200, videoUrl: video.videoUrl });
      expect(again.ms).toBeLessThan(1_500); // it used to wait 3 s for a refresh that was not coming
    }
    expect(videoLookups()).toBe(lookups);

    // The memory lapses: one more try, which HeyGen (back) now answers with fresh URLs.
    heygenServer.resetHandlers();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + FAILED_REFRESH_MEMORY_MS + 1_000);
    const later = await status(video.id);
    expect(videoLookups()).toBe(lookups + 1);
    expect(later.videoUrl).not.toBe(video.videoUrl);
  });

  it("does not hold requests while HeyGen does not answer at all", async () => {
    const video = await completedVideo(expired());
    const refresh = refreshGivenUp();
    heygenServer.use(http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/videos/:id`, () => delay("infinite")));
    const first = await status(video.id); // waits for the refresh a while, then serves what it has...
    expect(first).toMatchObject({ status: 200, videoUrl: video.videoUrl });
    expect(refresh.givenUp()).toBe(false); // ...not for HeyGen's timeouts and retries, which are still running
    // Meanwhile (HeyGen's timeouts and retries still running) and afterwards, nobody waits and nobody asks again.
    for (let i = 0; i < 3; i++) expect((await status(video.id)).ms).toBeLessThan(1_500);
    await refresh.wait();
    const lookups = videoLookups();
    for (let i = 0; i < 3; i++) expect((await status(video.id)).ms).toBeLessThan(1_500);
    expect(videoLookups()).toBe(lookups);
  });
});

describe("GET /api/videos/[id]?fresh: forced refreshes", () => {
  it(`asks HeyGen for at most ${FORCED_REFRESHES_PER_MINUTE} a minute per process, and serves the rest as stored`, async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Math.ceil(Date.now() / 60_000) * 60_000 + 1_000); // the start of a minute
    const videos = [];
    for (let i = 0; i < FORCED_REFRESHES_PER_MINUTE + 2; i++) videos.push(await completedVideo());
    const answers = [];
    for (const video of videos) answers.push(await status(video.id, "?fresh=1"));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(videoLookups()).toBe(FORCED_REFRESHES_PER_MINUTE);
    expect(answers.at(-1)!.videoUrl).toBe(videos.at(-1)!.videoUrl);

    vi.setSystemTime(Date.now() + 60_000); // the next minute
    await status(videos.at(-1)!.id, "?fresh=1");
    expect(videoLookups()).toBe(FORCED_REFRESHES_PER_MINUTE + 1);
  });
});
