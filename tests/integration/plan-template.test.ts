import { beforeEach, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/admin/plan/import/route";
import { POST as previewRoute } from "@/app/api/admin/plan/preview/route";
import { GET as templateRoute } from "@/app/api/admin/plan/template/route";
import { costOfSeconds, spokenSeconds } from "@/lib/cost";
import { PLAN_COLUMNS } from "@/lib/plan-import";
import { db } from "@/server/db";
import { adminCookie, getRequest, jsonRequest } from "../support/requests";

// Issue 16, plan import: a template to download, and a preview that says what the plan becomes and costs.

let cookie: string;
beforeEach(async () => {
  cookie = await adminCookie();
});

const presenter = (name: string, tags: string[], options: object = {}, active = true) =>
  db.presenter.create({
    data: { name, avatarId: "look_1", aspectRatio: "16:9", resolution: "1080p", tags, options, active },
  });

async function post(handler: typeof previewRoute, path: string, text: string) {
  const response = await handler(jsonRequest(path, { text, format: "csv" }, { cookie }));
  return { status: response.status, body: await response.json() };
}

describe("GET /api/admin/plan/template", () => {
  it("is a CSV with the importer's columns and a row per kind of target, which imports as it is", async () => {
    await presenter("Anna", ["morning"]);
    await presenter("Ben", ["morning"], { voiceSpeed: 1.5 });
    await presenter("Aaron", ["morning"], {}, false); // inactive: not in the template, says nothing

    const response = await templateRoute(getRequest("/api/admin/plan/template?month=2026-07", cookie));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="plan-template-2026-07.csv"');
    const text = await response.text();
    expect(text.split("\r\n")[0]).toBe(PLAN_COLUMNS.join(","));

    const preview = await post(previewRoute, "/api/admin/plan/preview", text);
    expect(preview.status).toBe(200);
    const rows = preview.body.rows.map((row: Record<string, unknown>) => [
      row.date,
      row.target,
      row.speakers,
      row.errors,
    ]);
    expect(rows).toEqual([
      ["2026-07-01", "Anna", ["Anna"], []],
      ["2026-07-02", "#morning", ["Anna", "Ben"], []], // the tag expands to every active presenter carrying it
    ]);
    const [welcome, news] = preview.body.rows;
    expect(news.script).toContain("\n"); // a quoted script spanning lines survives the round trip
    const seconds = spokenSeconds(welcome.script) + spokenSeconds(news.script) + spokenSeconds(news.script, 1.5);
    expect(preview.body.counts).toEqual({ valid: 2, invalid: 0, total: 2, videos: 3 });
    expect(preview.body.seconds).toBeCloseTo(seconds, 6);
    expect(preview.body.costUsd).toBeCloseTo(costOfSeconds(seconds), 6);

    expect(await post(importRoute, "/api/admin/plan/import", text)).toEqual({ status: 201, body: { saved: 2 } });
    expect(
      await db.planScript.count({ where: { date: { gte: new Date("2026-07-01"), lt: new Date("2026-08-01") } } }),
    ).toBe(2);
  });

  it("refuses a malformed month (400 naming it) and anyone but the admin (401)", async () => {
    const bad = await templateRoute(getRequest("/api/admin/plan/template?month=2026-13", cookie));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe("month");
    expect((await templateRoute(getRequest("/api/admin/plan/template?month=2026-07"))).status).toBe(401);
  });
});
