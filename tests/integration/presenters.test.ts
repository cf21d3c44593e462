import { NextRequest } from "next/server";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/admin/presenters/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/admin/presenters/route";
import { MAX_TAGS_PER_PRESENTER, PRESENTER_LANGUAGES_MAX } from "@/lib/limits";
import { db } from "@/server/db";
import { A_VOICE, LANDSCAPE_LOOK, PORTRAIT_LOOK } from "../support/heygen";
import { adminCookie, getRequest, jsonRequest } from "../support/requests";
import { TEST_ENV } from "../support/test-env";
import { waitFor } from "../support/wait-for";

/** As the studio form sends it (toCreateVideoInput), minus title and script. */
const fromStudio = {
  avatarId: PORTRAIT_LOOK.id,
  voiceId: A_VOICE.voice_id,
  aspectRatio: "9:16",
  resolution: "720p",
  options: {
    engine: "avatar_iv",
    voiceSpeed: 1.2,
    background: { type: "color", value: "#112233" },
    captions: "burned",
    outputFormat: "mp4",
  },
};

const cookieOr = async (cookie?: string | null) => (cookie === null ? undefined : (cookie ?? (await adminCookie())));

async function create(body: unknown, cookie?: string | null) {
  const response = await createRoute(jsonRequest("/api/admin/presenters", body, { cookie: await cookieOr(cookie) }));
  return { status: response.status, body: await response.json() };
}

async function patch(id: string, body: unknown, cookie?: string | null) {
  const request = jsonRequest(`/api/admin/presenters/${id}`, body, { method: "PATCH", cookie: await cookieOr(cookie) });
  const response = await patchRoute(request, { params: Promise.resolve({ id }) });
  return { status: response.status, body: await response.json() };
}

async function remove(id: string, cookie?: string | null) {
  const given = await cookieOr(cookie);
  const request = new NextRequest(`${TEST_ENV.APP_URL}/api/admin/presenters/${id}`, {
    method: "DELETE",
    headers: given ? { cookie: given } : {},
  });
  const response = await deleteRoute(request, { params: Promise.resolve({ id }) });
  return { status: response.status, body: await response.json() };
}

async function list(cookie?: string | null) {
  const response = await listRoute(getRequest("/api/admin/presenters", await cookieOr(cookie)));
  return { status: response.status, body: await response.json() };
}

const waitingForLock = async () =>
  (await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`)[0]!.n;

describe("/api/admin/presenters", () => {
  it("creates a presenter with exactly the look, voice, format and options the studio sends", async () => {
    const { status, body } = await create({ name: "Anna", tags: ["Morning", "news", "morning"], ...fromStudio });
    expect(status).toBe(201);
    expect(body).toEqual({
      id: expect.any(String),
      name: "Anna",
      tags: ["morning", "news"],
      languages: [],
      active: true,
      ...fromStudio,
    });
    const row = await db.presenter.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.options).toEqual(fromStudio.options);
  });

  it("lists active presenters first, then by name", async () => {
    const zed = await create({ name: "Zed", ...fromStudio });
    const bob = await create({ name: "Bob", ...fromStudio });
    const amy = await create({ name: "Amy", ...fromStudio, active: false });
    const { status, body } = await list();
    expect(status).toBe(200);
    const ids = body.presenters.map((presenter: { id: string }) => presenter.id);
    const order = [bob.body.id, zed.body.id, amy.body.id].map((id) => ids.indexOf(id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order).not.toContain(-1);
  });

  it("renames, retags, deactivates and changes settings, leaving the rest as it was", async () => {
    const { body: created } = await create({ name: "Carl", tags: ["a"], ...fromStudio });
    const renamed = await patch(created.id, { name: "Carla", tags: ["b", "c"], active: false });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ ...created, name: "Carla", tags: ["b", "c"], active: false });
    const reshaped = await patch(created.id, { aspectRatio: "1:1", options: { captions: "sidecar" } });
    expect(reshaped.body).toMatchObject({
      name: "Carla",
      aspectRatio: "1:1",
      options: { captions: "sidecar", outputFormat: "mp4" },
    });
    expect(await db.presenter.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      name: "Carla",
      aspectRatio: "1:1",
      active: false,
    });
  });

  it("changes the look, voice and options together, as the presenter editor sends them; options left out stay", async () => {
    const { body: created } = await create({ name: "Lena", tags: ["news"], ...fromStudio });
    const settings = {
      avatarId: LANDSCAPE_LOOK.id,
      voiceId: "",
      aspectRatio: "16:9",
      resolution: "1080p",
      options: { voiceSpeed: 0.8, captions: "sidecar", outputFormat: "webm" },
    };
    const changed = await patch(created.id, settings);
    expect(changed.status).toBe(200);
    // An empty voice is the look's own voice; the options are replaced whole (the engine and background are gone).
    expect(changed.body).toEqual({ ...created, ...settings, voiceId: null });
    const renamed = await patch(created.id, { name: "Lena B" });
    expect(renamed.body).toEqual({ ...changed.body, name: "Lena B" });
    expect(await db.presenter.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      avatarId: LANDSCAPE_LOOK.id,
      voiceId: null,
      options: settings.options,
      tags: ["news"],
    });
  });

  it("refuses a name already taken, in any case, with 409 naming name", async () => {
    const { body: dora } = await create({ name: "Dora", ...fromStudio });
    const { body: eve } = await create({ name: "Eve", ...fromStudio });
    const again = await create({ name: "dORA", ...fromStudio });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "conflict", field: "name" });
    const renamed = await patch(eve.id, { name: "DORA" });
    expect(renamed.status).toBe(409);
    expect(renamed.body.error.field).toBe("name");
    expect((await patch(dora.id, { name: "DORA" })).status).toBe(200); // its own name, in another case
    expect(await db.presenter.count({ where: { name: { equals: "dora", mode: "insensitive" } } })).toBe(1);
  });

  it("answers 409, not 500, when another admin saves the same name between the check and the write", async () => {
    const cookie = await adminCookie();
    // Another admin's insert, not yet committed: the name check cannot see it, the unique index waits for it.
    const other = new pg.Client(inject("databaseUrl"));
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(
        `INSERT INTO "Presenter" (id, name, "avatarId", "aspectRatio", resolution, "updatedAt") VALUES ('other', 'Lou', 'x', '16:9', '1080p', now())`,
      );
      const answer = create({ name: "Lou", ...fromStudio }, cookie);
      await waitFor(waitingForLock, (waiting) => waiting > 0);
      await other.query("COMMIT");
      const { status, body } = await answer;
      expect(status).toBe(409);
      expect(body.error.field).toBe("name");
    } finally {
      await other.end();
    }
    expect(await db.presenter.findMany({ where: { name: "Lou" }, select: { id: true } })).toEqual([{ id: "other" }]);
  });

  it("answers 400 naming the field, and stores nothing", async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...fromStudio, name: " " }, "name"],
      [{ ...fromStudio, name: "Fay", tags: ["ok", "Not ok"] }, "tags.1"],
      [
        { ...fromStudio, name: "Fay", tags: Array.from({ length: MAX_TAGS_PER_PRESENTER + 1 }, (_, i) => `t${i}`) },
        "tags",
      ],
      [{ ...fromStudio, name: "Fay", options: { voiceSpeed: 9 } }, "options.voiceSpeed"],
      [{ ...fromStudio, name: "Fay", aspectRatio: undefined }, "aspectRatio"],
      [{ ...fromStudio, name: "Fay", avatarId: "" }, "avatarId"],
    ];
    for (const [body, field] of cases) {
      const answer = await create(body);
      expect(answer.status, field).toBe(400);
      expect(answer.body.error.field).toBe(field);
    }
    expect(await db.presenter.count({ where: { name: "Fay" } })).toBe(0);
    const { body: gus } = await create({ name: "Gus", ...fromStudio });
    const bad = await patch(gus.id, { active: "yes" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("active");
  });

  it("stores the languages its plan videos are translated into, and refuses a bad list with 400 naming languages", async () => {
    const { status, body } = await create({
      name: "Lia",
      ...fromStudio,
      languages: [" Spanish  (Spain)", "Hindi (India)"],
    });
    expect(status).toBe(201);
    expect(body.languages).toEqual(["Spanish (Spain)", "Hindi (India)"]);
    const changed = await patch(body.id, { languages: ["Japanese (Japan)"] });
    expect(changed).toMatchObject({ status: 200, body: { languages: ["Japanese (Japan)"], tags: [], name: "Lia" } });
    const stored = { languages: ["Japanese (Japan)"] };
    expect(await db.presenter.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject(stored);

    const tooMany = Array.from({ length: PRESENTER_LANGUAGES_MAX + 1 }, (_, i) => `Language ${i}`);
    const refusals: Array<[unknown, string]> = [
      [["Hindi (India)", "hindi (india)"], "Name each language once: hindi (india) is listed twice."],
      [["Japanese (Japan)", "Klingon"], 'HeyGen does not translate into "Klingon": pick a language from its list.'],
      [tooMany, `A presenter has at most ${PRESENTER_LANGUAGES_MAX} languages.`],
      [["Hindi", " "], "Each language is a name, such as Spanish (Spain)."],
      [[42], "Each language is a name, such as Spanish (Spain)."],
      [["x".repeat(81)], "A language name has at most 80 characters."],
      ["Hindi", "languages must be a list of language names"],
    ];
    for (const [languages, message] of refusals) {
      const refused = await patch(body.id, { languages });
      expect(refused.status, message).toBe(400);
      expect(refused.body.error).toMatchObject({ field: "languages", message });
    }
    expect(await db.presenter.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject(stored);
    expect((await create({ name: "Max", ...fromStudio, languages: ["Klingon"] })).body.error.field).toBe("languages");
  });

  it("answers 404 for an unknown id", async () => {
    expect((await patch("nope", { active: false })).status).toBe(404);
    expect((await remove("nope")).status).toBe(404);
  });

  it("answers 401 without a session", async () => {
    const { body: hal } = await create({ name: "Hal", ...fromStudio });
    expect((await list(null)).status).toBe(401);
    expect((await create({ name: "Ian", ...fromStudio }, null)).status).toBe(401);
    expect((await patch(hal.id, { active: false }, null)).status).toBe(401);
    expect((await remove(hal.id, null)).status).toBe(401);
    expect(await db.presenter.findUniqueOrThrow({ where: { id: hal.id } })).toMatchObject({ active: true });
  });

  it("deletes a presenter, but not one the content plan's scripts are for (409: deactivate it instead)", async () => {
    const { body: jo } = await create({ name: "Jo", ...fromStudio });
    const { body: kim } = await create({ name: "Kim", ...fromStudio });
    await db.planScript.create({
      data: { date: new Date("2026-12-01"), title: "Day 1", script: "Hello", presenterId: kim.id },
    });

    const refused = await remove(kim.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/deactivate it instead/);
    expect(await db.presenter.count({ where: { id: kim.id } })).toBe(1);

    expect(await remove(jo.id)).toEqual({ status: 200, body: { id: jo.id } });
    expect(await db.presenter.count({ where: { id: jo.id } })).toBe(0);
  });
});
