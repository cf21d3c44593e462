import { beforeEach, describe, expect, it } from "vitest";
import { POST as refreshRoute } from "@/app/api/admin/catalogue/refresh/route";
import { GET as voicesRoute } from "@/app/api/admin/catalogue/voices/route";
import type { VoicePage } from "@/lib/catalogue";
import { FAKE_IDS, fakeVoices } from "@/mocks/heygen/fake-heygen";
import { adminCookie, getRequest, jsonRequest } from "../support/requests";

let cookie: string;
beforeEach(async () => {
  cookie = await adminCookie();
  // The catalogue is cached per process: each test starts from HeyGen.
  await refreshRoute(jsonRequest("/api/admin/catalogue/refresh", "", { cookie }));
});

async function voices(query = "") {
  const response = await voicesRoute(getRequest(`/api/admin/catalogue/voices${query}`, cookie));
  return { status: response.status, body: await response.json() };
}
const ids = (page: VoicePage) => page.items.map((voice) => voice.id);

/** The account's own voices first, then HeyGen's, by name. */
const catalogueOrder = [...fakeVoices]
  .sort((a, b) => Number(a.type === "public") - Number(b.type === "public") || a.name.localeCompare(b.name))
  .map((voice) => voice.voice_id);
const idsWhere = (wanted: (voice: (typeof fakeVoices)[number]) => boolean) =>
  catalogueOrder.filter((id) => wanted(fakeVoices.find((voice) => voice.voice_id === id)!));

describe("GET /api/admin/catalogue/voices", () => {
  it("lists the account's own voices first, then HeyGen's by name, with the values its filters take", async () => {
    const { status, body } = await voices();
    expect(status).toBe(200);
    expect(ids(body)).toEqual(catalogueOrder.slice(0, 20));
    expect(body.items[0]).toEqual({
      id: FAKE_IDS.voices.privateClone,
      name: "Sam (voice clone)",
      language: "English",
      gender: "male",
      previewAudioUrl: expect.stringMatching(/\.mp3\?Expires=/),
      ownership: "private",
    });
    expect(body.items.filter((voice: { ownership: string }) => voice.ownership === "private")).toHaveLength(1);
    expect(body.filters).toEqual({ languages: ["English", "German", "Spanish"], genders: ["female", "male"] });
    expect(body.total).toBe(fakeVoices.length);
  });

  it.each([
    ["q (any case)", "?q=LEN", idsWhere((voice) => /len/i.test(voice.name))],
    ["language", "?language=Spanish", idsWhere((voice) => voice.language === "Spanish")],
    ["language, in any case", "?language=german", idsWhere((voice) => voice.language === "German")],
    ["gender", "?gender=female", idsWhere((voice) => voice.gender === "female")],
    [
      "language and gender",
      "?language=English&gender=male",
      idsWhere((voice) => voice.language === "English" && voice.gender === "male"),
    ],
    ["a name nothing has", "?q=zzz", []],
  ])("filters by %s", async (_label, query, expected) => {
    const { status, body } = await voices(query);
    expect(status).toBe(200);
    expect(ids(body)).toEqual(expected);
  });

  it("pages through the voices with its cursor, in order, each once", async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: VoicePage } = await voices(`?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      sizes.push(body.items.length);
      seen.push(...ids(body));
      cursor = body.nextCursor;
    } while (cursor && sizes.length < 10);
    expect(sizes).toEqual([4, 4, 1]);
    expect(seen).toEqual(catalogueOrder);
  });

  it.each([
    ["language=Klingon", "language", /language must be one of English, German, Spanish/],
    ["gender=robot", "gender", /gender must be one of female, male/],
    ["limit=-1", "limit", /limit must be a whole number/],
    ["cursor=%%%", "cursor", /cursor/],
  ])("refuses %s with a 400 naming the field", async (query, field, message) => {
    const { status, body } = await voices(`?${query}`);
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: "invalid_input", field, message: expect.stringMatching(message) });
  });

  it("answers 401 without an admin session", async () => {
    expect((await voicesRoute(getRequest("/api/admin/catalogue/voices"))).status).toBe(401);
  });
});
