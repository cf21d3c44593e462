import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { fakeLooks, fakeVoices } from "@/mocks/heygen/fake-heygen";
import { heygenRequests, heygenServer } from "../support/heygen";
import { TEST_ENV } from "../support/test-env";

/** A fresh catalogue module (its cache is per process). */
async function freshCatalogue() {
  vi.resetModules();
  return import("@/server/heygen/catalogue");
}

describe("getCatalogue (the admin form's looks, voices and balance)", () => {
  it("lists every look and voice, and serves repeats from its cache for a few minutes", async () => {
    const { getCatalogue, CATALOGUE_TTL_MS } = await freshCatalogue();
    const [first, concurrent] = await Promise.all([getCatalogue(), getCatalogue()]);
    expect(first).toBe(concurrent);
    expect(first.error).toBeNull();
    expect(first.looks).toHaveLength(fakeLooks.length);
    expect(first.voices).toHaveLength(fakeVoices.length);
    expect(first.account?.balance).toMatch(/credits left/);
    const calls = heygenRequests.length;

    await getCatalogue();
    expect(heygenRequests).toHaveLength(calls);

    vi.spyOn(Date, "now").mockReturnValue(Date.now() + CATALOGUE_TTL_MS + 1);
    await getCatalogue();
    expect(heygenRequests.length).toBeGreaterThan(calls);
  });

  it("says clearly that HeyGen is unreachable, caches nothing, and recovers", async () => {
    const { getCatalogue } = await freshCatalogue();
    heygenServer.use(http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/avatars/looks`, () => HttpResponse.error()));
    const down = await getCatalogue();
    expect(down).toMatchObject({ looks: [], voices: [], error: expect.stringMatching(/could not be reached/) });

    heygenServer.resetHandlers();
    expect((await getCatalogue()).looks).toHaveLength(fakeLooks.length);
  });
});
