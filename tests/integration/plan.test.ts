import { beforeEach, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/admin/plan/import/route";
import { POST as previewRoute } from "@/app/api/admin/plan/preview/route";
import { DELETE as deleteRoute, PUT as updateRoute } from "@/app/api/admin/plan/scripts/[id]/route";
import { POST as createRoute } from "@/app/api/admin/plan/scripts/route";
import { PLAN_IMPORT_MAX_ROWS } from "@/lib/limits";
import { db } from "@/server/db";
import { heygenRequests } from "../support/heygen";
import { adminCookie, jsonRequest, videoRow } from "../support/requests";

const HEADER = "date,title,script,presenter_or_tag";
let cookie: string;
let anna: { id: string };

beforeEach(async () => {
  cookie = await adminCookie();
  anna = await db.presenter.create({
    data: { name: "Anna", avatarId: "look_1", aspectRatio: "16:9", resolution: "1080p", tags: ["morning"] },
  });
});

async function call(
  handler: (request: never, context: never) => Promise<Response>,
  path: string,
  body: unknown,
  options: { method?: string; id?: string; cookie?: string | null } = {},
) {
  const request = jsonRequest(path, body, {
    method: options.method,
    cookie: options.cookie === null ? undefined : (options.cookie ?? cookie),
  });
  const response = await handler(request as never, { params: Promise.resolve({ id: options.id ?? "" }) } as never);
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

const preview = (text: string, format = "csv") => call(previewRoute, "/api/admin/plan/preview", { text, format });
const importPlan = (text: string, extra: Record<string, unknown> = {}) =>
  call(importRoute, "/api/admin/plan/import", { text, format: "csv", ...extra });
const savedTitles = async () =>
  (await db.planScript.findMany({ orderBy: { title: "asc" } })).map((script) => script.title);

describe("POST /api/admin/plan/preview", () => {
  it("answers every row with its line, target and errors, and counts, saving nothing", async () => {
    const text = `${HEADER}\n2026-03-01,Hello,"Hi,\nthere",anna\n2026-03-02,News,Today,#morning\n2026-03-03,Who,Text,Bob\n2026-03-04,What,Text,#evening`;
    const { status, body } = await preview(text);
    expect(status).toBe(200);
    // Issue 16: the valid rows' videos once generated (Anna's row, and #morning said by Anna, its one carrier).
    expect(body.counts).toEqual({ valid: 2, invalid: 2, total: 4, videos: 2 });
    expect(
      body.rows.map((row: { line: number; presenter: unknown; tag: unknown; errors: unknown[] }) => [
        row.line,
        row.presenter,
        row.tag,
        row.errors,
      ]),
    ).toEqual([
      [2, { id: anna.id, name: "Anna" }, null, []],
      [4, null, "morning", []],
      [5, null, null, [{ field: "presenter_or_tag", message: "no presenter is named “Bob”" }]],
      [6, null, "evening", [{ field: "presenter_or_tag", message: "no presenter carries the tag #evening" }]],
    ]);
    expect(await db.planScript.count()).toBe(0);
    expect(heygenRequests).toEqual([]);
  });

  it("flags a duplicate of an earlier row and of a saved script (same day, title and target, any case)", async () => {
    await db.planScript.create({
      data: { date: new Date("2026-03-01T00:00:00Z"), title: "Saved", script: "x", tag: "morning" },
    });
    const text = `${HEADER}\n2026-03-01,Hello,A,Anna\n2026-03-01,hello,B,ANNA\n2026-03-01,Saved,C,#morning\n2026-03-01,Saved,D,Anna`;
    const { body } = await preview(text);
    expect(
      body.rows.map((row: { errors: Array<{ message: string }> }) => row.errors.map((error) => error.message)),
    ).toEqual([
      [],
      ["duplicates line 2 (same day, title and target)"],
      ["duplicates a saved script (same day, title and target)"],
      [],
    ]);
  });

  it("refuses an unreadable request with a 400 naming the field, and answers 401 without a session", async () => {
    expect((await preview("2026-03-01,A,B,Anna")).body.error).toMatchObject({ code: "invalid_input", field: "text" });
    expect((await preview(`${HEADER}\n2026-03-01,A,B,Anna`, "xlsx")).body.error).toMatchObject({ field: "format" });
    const anonymous = await call(
      previewRoute,
      "/api/admin/plan/preview",
      { text: HEADER, format: "csv" },
      { cookie: null },
    );
    expect(anonymous.status).toBe(401);
  });
});

describe("POST /api/admin/plan/import", () => {
  const good = `${HEADER}\n2026-03-01,One,A,Anna\n2026-03-02,Two,B,#morning`;

  it("saves every row in one go and answers the count", async () => {
    const { status, body } = await importPlan(good);
    expect(status).toBe(201);
    expect(body).toEqual({ saved: 2 });
    const saved = await db.planScript.findMany({ orderBy: { title: "asc" } });
    expect(
      saved.map(({ title, presenterId, tag, date }) => ({
        title,
        presenterId,
        tag,
        date: date.toISOString().slice(0, 10),
      })),
    ).toEqual([
      { title: "One", presenterId: anna.id, tag: null, date: "2026-03-01" },
      { title: "Two", presenterId: null, tag: "morning", date: "2026-03-02" },
    ]);
  });

  it("saves nothing when one row is wrong, answering the preview; skipInvalid saves the rest", async () => {
    const text = `${good}\n2026-02-30,Three,C,Anna`;
    const refused = await importPlan(text);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "invalid_input", field: "text" });
    expect(refused.body.preview.rows[2]).toMatchObject({ line: 4, errors: [{ field: "date" }] });
    expect(await db.planScript.count()).toBe(0);

    expect((await importPlan(text, { skipInvalid: true })).body).toEqual({ saved: 2 });
    expect(await savedTitles()).toEqual(["One", "Two"]);
  });

  it("takes a month of long scripts, well past the usual 64 KiB body cap", async () => {
    const long = "Good morning. ".repeat(300).trim(); // about 4 KB each
    const rows = Array.from(
      { length: 60 },
      (_, i) => `2026-04-${String((i % 28) + 1).padStart(2, "0")},Day ${i},${long},Anna`,
    );
    const text = [HEADER, ...rows].join("\n");
    expect(Buffer.byteLength(text)).toBeGreaterThan(200 * 1024);
    const { status, body } = await importPlan(text);
    expect(status).toBe(201);
    expect(body).toEqual({ saved: 60 });
  });

  it("does not save the same plan twice", async () => {
    await importPlan(good);
    expect((await importPlan(good)).status).toBe(400);
    expect(await db.planScript.count()).toBe(2);
  });

  it(`refuses more than ${PLAN_IMPORT_MAX_ROWS} rows with a 400 naming text`, async () => {
    const rows = Array.from({ length: PLAN_IMPORT_MAX_ROWS + 1 }, (_, i) => `2026-03-01,T${i},S,Anna`);
    const { status, body } = await importPlan([HEADER, ...rows].join("\n"));
    expect(status).toBe(400);
    expect(body.error.field).toBe("text");
    expect(await db.planScript.count()).toBe(0);
  });

  it("answers 401 without a session", async () => {
    expect(
      (await call(importRoute, "/api/admin/plan/import", { text: good, format: "csv" }, { cookie: null })).status,
    ).toBe(401);
    expect(await db.planScript.count()).toBe(0);
  });
});

describe("/api/admin/plan/scripts", () => {
  const create = (body: unknown, options = {}) => call(createRoute, "/api/admin/plan/scripts", body, options);
  const script = { date: "2026-03-05", title: "Launch", script: "We launch today." };

  it("creates, replaces and deletes one script", async () => {
    const created = await create({ ...script, presenterId: anna.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...script, presenter: { id: anna.id, name: "Anna" }, tag: null });
    const { id } = created.body;

    const path = `/api/admin/plan/scripts/${id}`;
    const updated = await call(
      updateRoute,
      path,
      { ...script, title: "Launch day", tag: "morning" },
      { method: "PUT", id },
    );
    expect(updated.body).toMatchObject({ title: "Launch day", presenter: null, tag: "morning" });

    expect((await call(deleteRoute, path, undefined, { method: "DELETE", id })).status).toBe(204);
    expect(await db.planScript.count()).toBe(0);
  });

  it("refuses bad input with a 400 naming the field, and saves nothing", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...script, date: "2026-02-30", tag: "morning" }, "date"],
      [{ ...script, title: " ", tag: "morning" }, "title"],
      [{ ...script, tag: "Not a tag" }, "tag"],
      [script, "presenterId"],
      [{ ...script, presenterId: anna.id, tag: "morning" }, "presenterId"],
      [{ ...script, presenterId: "nobody" }, "presenterId"],
    ];
    for (const [body, field] of cases) {
      const { status, body: answer } = await create(body);
      expect([status, answer.error.field]).toEqual([400, field]);
    }
    expect(await db.planScript.count()).toBe(0);
  });

  it("deletes a script with its batch items: a queued one goes, a video already made stays", async () => {
    const ben = await db.presenter.create({
      data: { name: "Ben", avatarId: "look_2", aspectRatio: "16:9", resolution: "1080p" },
    });
    const { id } = (await create({ ...script, tag: "morning" })).body;
    const batch = await db.batch.create({ data: { month: "2026-03", requestedBy: "admin" } });
    const made = await db.video.create({ data: { ...videoRow, status: "COMPLETED" } });
    await db.batchItem.createMany({
      data: [
        {
          batchId: batch.id,
          planScriptId: id,
          presenterId: anna.id,
          status: "SENT",
          videoId: made.id,
          liveKey: `${id}:${anna.id}`,
        },
        { batchId: batch.id, planScriptId: id, presenterId: ben.id, status: "QUEUED", liveKey: `${id}:${ben.id}` },
      ],
    });

    const deleted = await call(deleteRoute, `/api/admin/plan/scripts/${id}`, undefined, { method: "DELETE", id });
    expect(deleted.status).toBe(204);
    expect(await db.batchItem.count()).toBe(0);
    expect(await db.video.findUnique({ where: { id: made.id }, select: { status: true } })).toEqual({
      status: "COMPLETED",
    });
    expect(await db.batch.count()).toBe(1);
  });

  it("answers 404 for an unknown id and 401 without a session", async () => {
    const path = "/api/admin/plan/scripts/missing";
    expect(
      (await call(updateRoute, path, { ...script, tag: "morning" }, { method: "PUT", id: "missing" })).status,
    ).toBe(404);
    expect((await call(deleteRoute, path, undefined, { method: "DELETE", id: "missing" })).status).toBe(404);
    expect((await create({ ...script, tag: "morning" }, { cookie: null })).status).toBe(401);
  });
});
