import { http, HttpResponse } from "msw";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as looksRoute } from "@/app/api/admin/catalogue/looks/route";
import { POST as refreshRoute } from "@/app/api/admin/catalogue/refresh/route";
import { GET as voicesRoute } from "@/app/api/admin/catalogue/voices/route";
import { fakeLooks } from "@/mocks/heygen/fake-heygen";
import { CATALOGUE_TTL_MS, getCatalogue } from "@/server/catalogue/heygen-catalogue";
import { heygenRequests, heygenServer } from "../support/heygen";
import { adminCookie, getRequest, jsonRequest } from "../support/requests";
import { TEST_ENV } from "../support/test-env";
import { waitFor } from "../support/wait-for";

/** One HeyGen round: looks, avatars and voices, each public and private. */
const ONE_ROUND = [
  "GET /v3/avatars",
  "GET /v3/avatars",
  "GET /v3/avatars/looks",
  "GET /v3/avatars/looks",
  "GET /v3/voices",
  "GET /v3/voices",
];
const sorted = (lines: string[]) => [...lines].sort();

let cookie: string;
const looks = (query = "", withCookie = true) =>
  looksRoute(getRequest(`/api/admin/catalogue/looks${query}`, withCookie ? cookie : undefined));
const voices = () => voicesRoute(getRequest("/api/admin/catalogue/voices", cookie));
const refresh = (init: { cookie?: string; origin?: string } = { cookie }) => {
  const request = jsonRequest("/api/admin/catalogue/refresh", "", { cookie: init.cookie });
  if (init.origin) request.headers.set("origin", init.origin);
  return refreshRoute(request);
};

beforeEach(async () => {
  cookie = await adminCookie();
  await refresh();
  heygenRequests.length = 0;
});

/** HeyGen holds its voice lists until the returned function is called (then the fake answers). */
function holdVoiceLists(): () => void {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  heygenServer.use(
    http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/voices`, async () => {
      await held;
      return undefined;
    }),
  );
  return release;
}

describe("the catalogue cache (one HeyGen round for every admin request, for a few minutes)", () => {
  it("asks HeyGen once for concurrent requests, then answers from memory until it is refreshed", async () => {
    // HeyGen holds its answers while more requests ask for the catalogue.
    const release = holdVoiceLists();
    const first = looks();
    await waitFor(
      () => heygenRequests.length,
      (count) => count === ONE_ROUND.length,
    );
    const concurrent = [getCatalogue(), getCatalogue()];
    release();
    const answers = [await first, await looks("?gender=male"), await voices()];
    expect(new Set(await Promise.all(concurrent)).size).toBe(1);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(sorted(heygenRequests)).toEqual(ONE_ROUND);

    await Promise.all([looks("?ownership=private"), voices()]);
    expect(sorted(heygenRequests)).toEqual(ONE_ROUND);

    const refreshed = await refresh();
    expect(refreshed.status).toBe(200);
    expect(sorted(heygenRequests)).toEqual(ONE_ROUND); // a refresh only drops the cache
    await looks();
    expect(sorted(heygenRequests)).toEqual(sorted([...ONE_ROUND, ...ONE_ROUND]));
  });

  it("asks HeyGen again once its few minutes are over", async () => {
    await looks();
    vi.spyOn(Date, "now").mockReturnValue(Date.now() + CATALOGUE_TTL_MS - 1_000);
    await looks();
    expect(heygenRequests).toHaveLength(ONE_ROUND.length);
    vi.spyOn(Date, "now").mockReturnValue(Date.now() + CATALOGUE_TTL_MS + 1_000);
    await looks();
    expect(heygenRequests).toHaveLength(2 * ONE_ROUND.length);
  });

  it("does not let a round started before a refresh fill the cache after it", async () => {
    const release = holdVoiceLists();
    const before = looks();
    await waitFor(
      () => heygenRequests.length,
      (count) => count === ONE_ROUND.length,
    );
    await refresh();
    release();
    expect((await before).status).toBe(200);
    await looks();
    expect(heygenRequests).toHaveLength(2 * ONE_ROUND.length);
  });

  it("says clearly that HeyGen is unreachable, caches nothing, and recovers", async () => {
    heygenServer.use(http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/avatars/looks`, () => HttpResponse.error()));
    const down = await looks();
    expect(down.status).toBe(503);
    expect((await down.json()).error).toEqual({
      code: "heygen_unavailable",
      message: expect.stringMatching(
        /^HeyGen could not be reached to list its looks \(.+\)\. Try again in a minute, or type a look id/,
      ),
    });
    expect((await voices()).status).toBe(503);

    heygenServer.resetHandlers();
    const back = await looks();
    expect(back.status).toBe(200);
    expect((await back.json()).total).toBe(fakeLooks.length);
  });

  it("names the API key when HeyGen refuses it", async () => {
    heygenServer.use(
      http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/voices`, () =>
        HttpResponse.json({ error: { code: "unauthorized", message: "Invalid API key" } }, { status: 401 }),
      ),
    );
    const refused = await voices();
    expect(refused.status).toBe(502);
    expect((await refused.json()).error.message).toBe(
      "HeyGen refused the API key (Invalid API key): check it in Settings (or HEYGEN_API_KEY).",
    );
  });

  it("answers a failed round only once every request of it is over, so none lands in what comes next", async () => {
    const release = holdVoiceLists();
    heygenServer.use(
      http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/avatars/looks`, () =>
        HttpResponse.json({ error: { code: "unauthorized", message: "Invalid API key" } }, { status: 401 }),
      ),
    );
    const down = looks();
    // Every request of the round has reached HeyGen; the looks are refused at once, the voices are held.
    await waitFor(
      () => heygenRequests.length,
      (count) => count === ONE_ROUND.length,
    );
    // An answer that did not wait for the held voices would come within moments of the looks' refusal.
    const early = await Promise.race([down.then(() => "answered"), sleep(300).then(() => "still waiting")]);
    expect(early).toBe("still waiting");
    release();
    expect((await down).status).toBe(502);
  });

  it("lists and refreshes only for an admin of this site", async () => {
    expect((await looks("", false)).status).toBe(401);
    expect(heygenRequests).toEqual([]);
    await looks();
    expect((await refresh({})).status).toBe(401);
    expect((await refresh({ cookie, origin: "https://evil.example" })).status).toBe(403);
    await looks();
    expect(heygenRequests).toHaveLength(ONE_ROUND.length);
  });
});
