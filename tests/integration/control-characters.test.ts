import { beforeEach, describe, expect, it } from "vitest";
import { GET as voicesRoute } from "@/app/api/admin/catalogue/voices/route";
import { POST as importRoute } from "@/app/api/admin/plan/import/route";
import { POST as previewRoute } from "@/app/api/admin/plan/preview/route";
import { GET as batchRoute } from "@/app/api/admin/batches/[id]/route";
import { DELETE as deletePlanScriptRoute } from "@/app/api/admin/plan/scripts/[id]/route";
import { POST as planScriptRoute } from "@/app/api/admin/plan/scripts/route";
import { DELETE as deletePresenterRoute, PATCH as updatePresenterRoute } from "@/app/api/admin/presenters/[id]/route";
import { POST as createPresenterRoute } from "@/app/api/admin/presenters/route";
import { GET as adminVideosRoute } from "@/app/api/admin/videos/route";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { POST as createVideoRoute } from "@/app/api/videos/route";
import { db } from "@/server/db";
import { heygenRequests } from "../support/heygen";
import { adminCookie, getRequest, jsonRequest, unsigned, validVideoInput, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";

// PostgreSQL refuses NUL in text, so a NUL that got past the schemas answered 500. Every text field refuses control
// characters with a 400 naming it; tab, newline and carriage return stay allowed where text holds them.

let cookie: string;
beforeEach(async () => {
  cookie = await adminCookie();
});

const presenterInput = { name: "Anna", avatarId: "look_1", aspectRatio: "16:9" };
const fieldOf = async (response: Response) => ({
  status: response.status,
  field: (await response.json()).error?.field,
});
const post = (handler: (request: never) => Promise<Response>, path: string, body: unknown) =>
  handler(jsonRequest(path, body, { cookie }) as never).then(fieldOf);
const get = (handler: (request: never) => Promise<Response>, path: string) =>
  handler(getRequest(path, cookie) as never).then(fieldOf);

describe("a NUL or another control character in a request", () => {
  it.each([
    ["NUL", "\u0000"],
    ["BEL", "\u0007"],
    ["ESC", "\u001b"],
    ["DEL", "\u007f"],
    ["NEL", "\u0085"],
  ])("is refused in a video's title (%s)", async (_name, control) => {
    const response = await createVideoRoute(
      jsonRequest("/api/videos", { ...validVideoInput, title: `Wel${control}come` }, { cookie }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error).toEqual({
      code: "invalid_input",
      message: "title must not contain control characters",
      field: "title",
    });
  });

  it("is refused in a video's script, and nothing reaches HeyGen", async () => {
    expect(await post(createVideoRoute, "/api/videos", { ...validVideoInput, script: "Hi\u0000" })).toEqual({
      status: 400,
      field: "script",
    });
    expect(heygenRequests).toEqual([]);
    expect(await db.video.count()).toBe(0);
  });

  it("is refused in a search of the video list and of the catalogue", async () => {
    expect(await get(adminVideosRoute, "/api/admin/videos?q=%00")).toEqual({ status: 400, field: "q" });
    expect(await get(adminVideosRoute, "/api/admin/videos?q=a&cursor=%00")).toEqual({ status: 400, field: "cursor" });
    expect(await get(voicesRoute, "/api/admin/catalogue/voices?q=%00")).toEqual({ status: 400, field: "q" });
  });

  it("is refused in a presenter's name, created or renamed", async () => {
    const created = { ...presenterInput, name: "An\u0000na" };
    expect(await post(createPresenterRoute, "/api/admin/presenters", created)).toEqual({ status: 400, field: "name" });
    const anna = await db.presenter.create({ data: { ...presenterInput, resolution: "1080p" } });
    const rename = await updatePresenterRoute(
      jsonRequest(`/api/admin/presenters/${anna.id}`, { name: "A\u0000" }, { cookie, method: "PATCH" }) as never,
      { params: Promise.resolve({ id: anna.id }) } as never,
    );
    expect(await fieldOf(rename)).toEqual({ status: 400, field: "name" });
    expect(await db.presenter.count({ where: { name: "Anna" } })).toBe(1);
  });

  it("is refused in a plan's text, previewed or imported, and in a plan script's title", async () => {
    const text = "date,title,script,presenter_or_tag\n2026-03-01,Hi\u0000,Text,#morning";
    expect(await post(previewRoute, "/api/admin/plan/preview", { text, format: "csv" })).toEqual({
      status: 400,
      field: "text",
    });
    expect(await post(importRoute, "/api/admin/plan/import", { text, format: "csv" })).toEqual({
      status: 400,
      field: "text",
    });
    const script = { date: "2026-03-01", title: "Hi\u0000", script: "Text", tag: "morning" };
    expect(await post(planScriptRoute, "/api/admin/plan/scripts", script)).toEqual({ status: 400, field: "title" });
    expect(await db.planScript.count()).toBe(0);
  });

  it("in an id in the path is a 404, never a 500", async () => {
    const params = { params: Promise.resolve({ id: "a\u0000b" }) } as never;
    const remove = (path: string) => jsonRequest(path, undefined, { cookie, method: "DELETE" }) as never;
    expect((await deletePresenterRoute(remove("/api/admin/presenters/a%00b"), params)).status).toBe(404);
    expect((await deletePlanScriptRoute(remove("/api/admin/plan/scripts/a%00b"), params)).status).toBe(404);
    expect((await batchRoute(getRequest("/api/admin/batches/a%00b", cookie) as never, params)).status).toBe(404);
  });

  it("is never a 500 in an unsigned callback, and no NUL is stored", async () => {
    const video = await db.video.create({
      data: { ...videoRow, status: "PROCESSING", heygenVideoId: "hg_1" },
    });
    const bodies = [
      { event_type: "x\u0000y", event_data: { video_id: "hg_1", callback_id: video.id } },
      { event_type: "avatar_video.fail", event_data: { callback_id: video.id, failure_message: "bad\u0000" } },
      { event_type: "avatar_video.success", event_id: "e\u0000", event_data: { video_id: "hg\u0000" } },
    ];
    for (const body of bodies) {
      const { response, afterResponse } = await callRoute(() => callback(unsigned(body)));
      expect(response.status).toBeLessThan(500);
      await afterResponse();
    }
    const stored = JSON.stringify(await db.webhookDelivery.findMany());
    expect(stored).not.toContain("\\u0000");
    expect((await db.video.findUniqueOrThrow({ where: { id: video.id } })).error).toBeNull();
  });
});

describe("text that holds tabs and line breaks", () => {
  it("is accepted in a script", async () => {
    const script = "First line,\tthen a tab.\r\nSecond line.\nThird.";
    const response = await createVideoRoute(jsonRequest("/api/videos", { ...validVideoInput, script }, { cookie }));
    expect(response.status).toBe(201);
    expect((await db.video.findFirstOrThrow()).script).toBe(script);
  });

  it("is accepted in a pasted plan", async () => {
    await db.presenter.create({ data: { ...presenterInput, resolution: "1080p" } });
    const text = '2026-03-01\tHello\t"Two\nlines"\tAnna\r\n2026-03-02\tNews\tOne\tAnna';
    expect(await post(importRoute, "/api/admin/plan/import", { text, format: "lines" })).toEqual({
      status: 201,
      field: undefined,
    });
    expect((await db.planScript.findMany({ orderBy: { date: "asc" } })).map((row) => row.script)).toEqual([
      "Two\nlines",
      "One",
    ]);
  });
});
