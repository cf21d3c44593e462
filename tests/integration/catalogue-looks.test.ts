import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as looksRoute } from "@/app/api/admin/catalogue/looks/route";
import { POST as refreshRoute } from "@/app/api/admin/catalogue/refresh/route";
import type { LookPage } from "@/lib/catalogue";
import { FAKE_IDS, fakeAvatarGroups, fakeLooks, fakeVoices } from "@/mocks/heygen/fake-heygen";
import { heygenServer } from "../support/heygen";
import { adminCookie, getRequest, jsonRequest } from "../support/requests";
import { TEST_ENV } from "../support/test-env";

let cookie: string;
beforeEach(async () => {
  cookie = await adminCookie();
  // The catalogue is cached per process: each test starts from HeyGen.
  await refreshRoute(jsonRequest("/api/admin/catalogue/refresh", "", { cookie }));
});

async function looks(query = "") {
  const response = await looksRoute(getRequest(`/api/admin/catalogue/looks${query}`, cookie));
  return { status: response.status, body: await response.json() };
}
const ids = (page: LookPage) => page.items.map((look) => look.id);
const groupName = (groupId: string) => fakeAvatarGroups.find((group) => group.id === groupId)!.name;

/** The fake's looks in the catalogue's order: by avatar name, then look name. */
const catalogueOrder = [...fakeLooks]
  .sort((a, b) => groupName(a.group_id).localeCompare(groupName(b.group_id)) || a.name.localeCompare(b.name))
  .map((look) => look.id);

describe("GET /api/admin/catalogue/looks", () => {
  it("lists public and private looks, marked, grouped by avatar, with their avatar's name and own voice", async () => {
    const { status, body } = await looks();
    expect(status).toBe(200);
    expect(ids(body)).toEqual(catalogueOrder);
    expect(body).toMatchObject({ total: fakeLooks.length, nextCursor: null, filters: { genders: ["female", "male"] } });

    const twin = body.items.find((look: { id: string }) => look.id === FAKE_IDS.looks.privateTwin);
    expect(twin).toMatchObject({
      ownership: "private",
      groupName: groupName(FAKE_IDS.groups.twin),
      avatarType: "digital_twin",
    });
    const portrait = body.items.find((look: { id: string }) => look.id === FAKE_IDS.looks.portrait);
    expect(portrait).toEqual({
      id: FAKE_IDS.looks.portrait,
      name: "Abigail Standing (Portrait)",
      groupId: FAKE_IDS.groups.abigail,
      groupName: "Abigail",
      gender: "female",
      avatarType: "studio_avatar",
      ownership: "public",
      defaultVoiceId: FAKE_IDS.voices.sara,
      defaultVoice: expect.objectContaining({
        id: FAKE_IDS.voices.sara,
        name: fakeVoices.find((voice) => voice.voice_id === FAKE_IDS.voices.sara)!.name,
        previewAudioUrl: expect.stringMatching(/\.mp3\?/),
      }),
      previewImageUrl: expect.stringMatching(/\.jpg\?Expires=/),
      previewVideoUrl: expect.stringMatching(/\.mp4\?Expires=/),
      preferredOrientation: "portrait",
      supportedEngines: ["avatar_v", "avatar_iv", "avatar_iii"],
    });
    const noVoice = body.items.find((look: { id: string }) => look.id === FAKE_IDS.looks.photoNoDefaultVoice);
    expect(noVoice).toMatchObject({ defaultVoiceId: null, defaultVoice: null });
  });

  it.each([
    ["q (the look's name, any case)", "?q=STANDING", [FAKE_IDS.looks.portrait]],
    ["q (accents ignored)", "?q=br%C3%A0ndon", [FAKE_IDS.looks.brandon, FAKE_IDS.looks.square]],
    ["q (the avatar's name)", "?q=digital", [FAKE_IDS.looks.privateTwin]],
    ["gender", "?gender=male", fakeLooks.filter((look) => look.gender === "male").map((look) => look.id)],
    ["orientation", "?orientation=square", [FAKE_IDS.looks.square, FAKE_IDS.looks.photoNoDefaultVoice]],
    ["ownership=private", "?ownership=private", [FAKE_IDS.looks.privateTwin]],
    [
      "ownership=public",
      "?ownership=public",
      fakeLooks.filter((look) => look.ownership === "public").map((look) => look.id),
    ],
    ["group", `?group=${FAKE_IDS.groups.abigail}`, [FAKE_IDS.looks.landscape, FAKE_IDS.looks.portrait]],
    ["several at once", "?gender=male&orientation=landscape&ownership=public", [FAKE_IDS.looks.brandon]],
    ["a filter nothing matches", "?q=nobody", []],
  ])("filters by %s", async (_label, query, expected) => {
    const { status, body } = await looks(query);
    expect(status).toBe(200);
    expect(ids(body).sort()).toEqual([...expected].sort());
    expect(body.total).toBe(expected.length);
  });

  it("pages through the filtered looks with its cursor, in order, each once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const { status, body }: { status: number; body: LookPage } = await looks(
        `?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(status).toBe(200);
      expect(body.total).toBe(fakeLooks.length);
      sizes.push(body.items.length);
      seen.push(...ids(body));
      cursor = body.nextCursor;
    } while (cursor && sizes.length < 10);
    expect(sizes).toEqual([2, 2, 2]);
    expect(seen).toEqual(catalogueOrder);

    const female = await looks("?gender=female&limit=1");
    const next = await looks(`?gender=female&limit=1&cursor=${female.body.nextCursor}`);
    expect([...ids(female.body), ...ids(next.body)]).toEqual(
      catalogueOrder.filter((id) => fakeLooks.find((look) => look.id === id)!.gender === "female").slice(0, 2),
    );
  });

  it("leaves out the account's looks that are still training or failed", async () => {
    const training = {
      ...fakeLooks.find((look) => look.ownership === "private")!,
      id: "still-training",
      status: "processing",
    };
    heygenServer.use(
      http.get(`${TEST_ENV.HEYGEN_API_URL}/v3/avatars/looks`, ({ request }) => {
        if (new URL(request.url).searchParams.get("ownership") !== "private") return undefined; // the fake answers
        return HttpResponse.json({ data: [training], has_more: false, next_token: null });
      }),
    );
    const { body } = await looks("?ownership=private");
    expect(body.items).toEqual([]);
  });

  it.each([
    ["gender=robot", "gender", /gender must be one of female, male/],
    ["orientation=diagonal", "orientation", /orientation must be one of portrait, landscape, square/],
    ["ownership=shared", "ownership", /ownership must be one of public, private/],
    ["group=no-such-avatar", "group", /group is not an avatar/],
    ["limit=0", "limit", /limit must be a whole number from 1 to 100/],
    ["limit=101", "limit", /limit must be/],
    ["limit=two", "limit", /limit must be/],
    ["cursor=not-ours", "cursor", /cursor/],
    [`q=${"x".repeat(101)}`, "q", /q must be at most 100 characters/],
  ])("refuses %s with a 400 naming the field", async (query, field, message) => {
    const { status, body } = await looks(`?${query}`);
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: "invalid_input", field, message: expect.stringMatching(message) });
  });

  it("answers 401 without an admin session", async () => {
    const response = await looksRoute(getRequest("/api/admin/catalogue/looks"));
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });
});
