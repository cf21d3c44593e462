import { beforeEach, describe, expect, it } from "vitest";
import { POST as previewRoute } from "@/app/api/admin/batches/preview/route";
import { db } from "@/server/db";
import { adminCookie, jsonRequest } from "../support/requests";

// Issue 16, bug 5: the preview names each video a selection makes, so the panel can list them and the matrix mark them.

const MONTH = "2026-06";
let cookie: string;
beforeEach(async () => {
  cookie = await adminCookie();
});

const presenter = (name: string, tags: string[]) =>
  db.presenter.create({ data: { name, avatarId: "look_1", aspectRatio: "16:9", resolution: "1080p", tags } });

const script = (day: string, title: string, target: { presenterId: string } | { tag: string }) =>
  db.planScript.create({ data: { date: new Date(`${MONTH}-${day}T00:00:00Z`), title, script: "Hello.", ...target } });

async function preview(selection: object) {
  const response = await previewRoute(
    jsonRequest("/api/admin/batches/preview", { month: MONTH, ...selection }, { cookie }),
  );
  expect(response.status).toBe(200);
  return response.json();
}

describe("POST /api/admin/batches/preview: which videos a selection makes", () => {
  it("names each one; one tag covers its own scripts and those for a presenter carrying it, not another tag's", async () => {
    const anna = await presenter("Anna", ["morning", "news"]);
    const ben = await presenter("Ben", ["news"]);
    const morning = await script("02", "Morning", { tag: "morning" });
    const news = await script("01", "News", { tag: "news" });
    const own = await script("03", "Anna's own", { presenterId: anna.id });
    const video = (planScriptId: string, date: string, title: string, who: { id: string; name: string }) => ({
      planScriptId,
      presenterId: who.id,
      date: `${MONTH}-${date}`,
      title,
      presenterName: who.name,
    });

    const byMorning = await preview({ tag: "morning" });
    expect(byMorning).toMatchObject({ missing: 2, skipped: 0, errors: [] });
    expect(byMorning.videos).toEqual([
      video(morning.id, "02", "Morning", anna),
      video(own.id, "03", "Anna's own", anna),
    ]);

    const all = await preview({});
    expect(all.missing).toBe(4);
    expect(all.videos).toEqual([
      video(news.id, "01", "News", anna),
      video(news.id, "01", "News", ben),
      video(morning.id, "02", "Morning", anna),
      video(own.id, "03", "Anna's own", anna),
    ]);
    expect((await preview({ presenterIds: [ben.id] })).videos).toEqual([video(news.id, "01", "News", ben)]);
  });
});
