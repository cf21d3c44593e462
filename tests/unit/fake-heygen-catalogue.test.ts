import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createFakeHeygen,
  FAKE_IDS,
  fakeAvatarGroups,
  fakeLooks,
  fakeVoices,
  type BillingType,
} from "@/mocks/heygen/fake-heygen";

// Catalogue, pagination and account, in-process. `maxPageSize: 2` forces several pages out of a small catalogue.
const BASE = "https://api.heygen.com";
const fake = createFakeHeygen({ baseUrl: BASE, apiKey: "k", renderMs: 0, deliverWebhooks: false, maxPageSize: 2 });
const server = setupServer(...fake.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  fake.reset();
  server.resetHandlers();
});
afterAll(() => {
  server.close();
  fake.close();
});

const get = (path: string, base = BASE) => fetch(`${base}${path}`, { headers: { "x-api-key": "k" } });

type Page = { data: Array<Record<string, unknown>>; has_more: boolean; next_token: string | null };

/** Follows `next_token` to the end; returns every page. */
async function allPages(path: string): Promise<Page[]> {
  const pages: Page[] = [];
  let token: string | null = null;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const response = await get(token ? `${path}${separator}token=${encodeURIComponent(token)}` : path);
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    pages.push(page);
    token = page.next_token;
    expect(page.has_more).toBe(token !== null);
  } while (token && pages.length < 20);
  return pages;
}

const ids = (pages: Page[], key = "id") => pages.flatMap((page) => page.data.map((item) => item[key]));

describe("avatar looks and groups", () => {
  it("pages through every look, maxPageSize at a time, with HeyGen's fields", async () => {
    const pages = await allPages("/v3/avatars/looks");
    expect(pages.map((page) => page.data.length)).toEqual([2, 2, 2]);
    expect(ids(pages)).toEqual(fakeLooks.map((look) => look.id));

    const portrait = pages.flatMap((page) => page.data).find((look) => look.id === FAKE_IDS.looks.portrait);
    expect(portrait).toEqual({
      id: FAKE_IDS.looks.portrait,
      group_id: FAKE_IDS.groups.abigail,
      name: expect.any(String),
      gender: "female",
      avatar_type: "studio_avatar",
      default_voice_id: FAKE_IDS.voices.sara,
      preview_image_url: expect.stringMatching(
        /^https:\/\/api\.heygen\.com\/media\/[^?]+\.jpg\?Expires=\d+&Signature=/,
      ),
      preview_video_url: expect.stringMatching(/\.mp4\?Expires=/),
      preferred_orientation: "portrait",
      image_width: 1080,
      image_height: 1920,
      supported_api_engines: expect.arrayContaining(["avatar_v", "avatar_iv"]),
      tags: expect.any(Array),
    });
    const preview = await fetch(portrait!.preview_image_url as string);
    expect(preview.headers.get("content-type")).toBe("image/jpeg");
  });

  it("covers every avatar type, every orientation, a private look and a look without a default voice", () => {
    expect(new Set(fakeLooks.map((look) => look.avatar_type))).toEqual(
      new Set(["studio_avatar", "digital_twin", "photo_avatar"]),
    );
    expect(new Set(fakeLooks.map((look) => look.preferred_orientation))).toEqual(
      new Set(["portrait", "landscape", "square"]),
    );
    expect(fakeLooks.filter((look) => look.ownership === "private").map((look) => look.id)).toEqual([
      FAKE_IDS.looks.privateTwin,
    ]);
    expect(fakeLooks.filter((look) => !look.default_voice_id).map((look) => look.id)).toEqual([
      FAKE_IDS.looks.photoNoDefaultVoice,
    ]);
  });

  it("filters before paging", async () => {
    const studio = await allPages("/v3/avatars/looks?avatar_type=studio_avatar");
    expect(studio.map((page) => page.data.length)).toEqual([2, 2]);
    expect(ids(studio)).toEqual(
      fakeLooks.filter((look) => look.avatar_type === "studio_avatar").map((look) => look.id),
    );

    const privateLooks = await allPages("/v3/avatars/looks?ownership=private");
    expect(ids(privateLooks)).toEqual([FAKE_IDS.looks.privateTwin]);
    expect(privateLooks[0]!.data[0]).toMatchObject({ avatar_type: "digital_twin", status: "completed" });

    const brandon = await allPages(`/v3/avatars/looks?group_id=${FAKE_IDS.groups.brandon}`);
    expect(ids(brandon)).toEqual([FAKE_IDS.looks.brandon, FAKE_IDS.looks.square]);
  });

  it("refuses a malformed token, an out-of-range limit and an unknown filter value", async () => {
    for (const [query, param] of [
      ["token=not-a-token", "token"],
      ["limit=0", "limit"],
      ["limit=51", "limit"],
      ["avatar_type=robot", "avatar_type"],
    ]) {
      const response = await get(`/v3/avatars/looks?${query}`);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: "invalid_parameter", param });
    }
    expect((await get("/v3/avatars/looks?limit=50")).status).toBe(200);
  });

  it("lists avatar groups with their looks count, filtered by ownership", async () => {
    const pages = await allPages("/v3/avatars");
    expect(ids(pages)).toEqual(fakeAvatarGroups.map((group) => group.id));
    expect(pages[0]!.data[0]).toEqual({
      id: FAKE_IDS.groups.abigail,
      name: "Abigail",
      gender: "female",
      looks_count: 2,
      default_voice_id: FAKE_IDS.voices.sara,
      preview_image_url: expect.stringContaining(".jpg?"),
      preview_video_url: expect.stringContaining(".mp4?"),
      created_at: expect.any(Number),
    });
    expect(ids(await allPages("/v3/avatars?ownership=private"))).toEqual([FAKE_IDS.groups.twin]);
    expect((await (await get(`/v3/avatars/looks/${FAKE_IDS.looks.square}`)).json()).data.preferred_orientation).toBe(
      "square",
    );
    expect((await get("/v3/avatars/looks/nobody")).status).toBe(404);
  });
});

describe("voices", () => {
  it("pages through the public voices by default; the private clone only with type=private", async () => {
    const pages = await allPages("/v3/voices");
    expect(pages.map((page) => page.data.length)).toEqual([2, 2, 2, 2]);
    expect(ids(pages, "voice_id")).toEqual(
      fakeVoices.filter((voice) => voice.type === "public").map((voice) => voice.voice_id),
    );
    expect(pages[0]!.data[0]).toEqual({
      voice_id: FAKE_IDS.voices.sara,
      name: "Sara",
      language: "English",
      gender: "female",
      preview_audio_url: expect.stringMatching(/\.mp3\?Expires=\d+&Signature=/),
      support_pause: true,
      support_locale: true,
      type: "public",
    });
    expect(ids(await allPages("/v3/voices?type=private"), "voice_id")).toEqual([FAKE_IDS.voices.privateClone]);
    expect(new Set(fakeVoices.map((voice) => voice.language)).size).toBeGreaterThanOrEqual(3);
  });

  it("filters by language, gender and engine before paging, and checks limit and token", async () => {
    expect(ids(await allPages("/v3/voices?language=Spanish&gender=male"), "voice_id")).toEqual([FAKE_IDS.voices.mateo]);
    const starfish = await allPages("/v3/voices?engine=starfish&limit=1");
    expect(starfish.map((page) => page.data.length)).toEqual([1, 1, 1, 1, 1]);
    expect(ids(starfish, "voice_id")).toEqual(
      fakeVoices
        .filter((voice) => voice.type === "public" && voice.engines.includes("starfish"))
        .map((voice) => voice.voice_id),
    );
    for (const query of ["limit=101", "limit=abc", "token=%%%", "type=shared"]) {
      expect((await get(`/v3/voices?${query}`)).status).toBe(400);
    }
    expect((await get("/v3/voices?limit=100")).status).toBe(200);
  });
});

describe("users/me", () => {
  const me = async (billingType: BillingType) => {
    const base = `https://${billingType}.heygen.test`;
    const account = createFakeHeygen({
      baseUrl: base,
      apiKey: "k",
      renderMs: 0,
      initialCredits: 10,
      billingType,
      deliverWebhooks: false,
    });
    server.use(...account.handlers);
    const body = JSON.stringify({ type: "avatar", avatar_id: FAKE_IDS.looks.landscape, script: "Hi" });
    await fetch(`${base}/v3/videos`, {
      method: "POST",
      body,
      headers: { "x-api-key": "k", "content-type": "application/json" },
    });
    return (await (await get("/v3/users/me", base)).json()).data;
  };
  const profile = {
    username: expect.any(String),
    email: expect.any(String),
    first_name: expect.any(String),
    last_name: expect.any(String),
  };

  it("reports a subscription's remaining premium credits", async () => {
    expect(await me("subscription")).toEqual({
      ...profile,
      billing_type: "subscription",
      wallet: null,
      usage_based: null,
      subscription: {
        plan: expect.any(String),
        credits: {
          premium_credits: { remaining: 9, resets_at: expect.any(String) },
          add_on_credits: { remaining: 0, resets_at: null },
        },
      },
    });
  });

  it("reports a wallet's remaining balance", async () => {
    expect(await me("wallet")).toEqual({
      ...profile,
      billing_type: "wallet",
      subscription: null,
      usage_based: null,
      wallet: {
        currency: "credits",
        remaining_balance: 9,
        auto_reload: { enabled: false, amount_usd: null, threshold_usd: null },
      },
    });
  });

  it("reports usage-based remaining credits", async () => {
    expect(await me("usage_based")).toEqual({
      ...profile,
      billing_type: "usage_based",
      wallet: null,
      subscription: null,
      usage_based: {
        included_credits: 10,
        remaining_credits: 9,
        spending_cap_usd: expect.any(Number),
        spending_current_usd: 0,
      },
    });
  });
});
