import { beforeEach, describe, expect, it } from "vitest";
import { GET as matrixRoute } from "@/app/api/admin/plan/matrix/route";
import { PATCH as patchPresenter } from "@/app/api/admin/presenters/[id]/route";
import { db } from "@/server/db";
import { planPresenter, planScript, previewBatch } from "../support/plan";
import { adminCookie, getRequest, jsonRequest, videoRow } from "../support/requests";

// Issue 16, bug 3: what a presenter made stays made in the plan, whatever happens to the presenter later.

const MONTH = "2026-05";
let cookie: string;
beforeEach(async () => {
  cookie = await adminCookie();
});

/** A batch item for the pair, sent, with its video in `status`; its live key held as the trigger holds it (released on failure). */
async function made(planScriptId: string, presenterId: string, status: "COMPLETED" | "PROCESSING" | "FAILED") {
  const batch = await db.batch.create({ data: { month: MONTH, requestedBy: "admin" } });
  const video = await db.video.create({ data: { ...videoRow, status } });
  const liveKey = status === "FAILED" ? null : `${planScriptId}:${presenterId}`;
  await db.batchItem.create({
    data: { batchId: batch.id, planScriptId, presenterId, status: "SENT", videoId: video.id, liveKey },
  });
  return video.id;
}

async function patch(id: string, body: unknown) {
  const response = await patchPresenter(jsonRequest(`/api/admin/presenters/${id}`, body, { method: "PATCH", cookie }), {
    params: Promise.resolve({ id }),
  } as never);
  expect(response.status).toBe(200);
}

async function matrix() {
  const response = await matrixRoute(getRequest(`/api/admin/plan/matrix?month=${MONTH}`, cookie));
  expect(response.status).toBe(200);
  const body = await response.json();
  const columns: string[] = body.columns.map((column: { name: string }) => column.name);
  // Per row, each presenter's state ("–": not for that presenter).
  return Object.fromEntries(
    body.rows.map((row: { title: string; cells: Array<{ state: string; videoId: string | null } | null> }) => [
      row.title,
      Object.fromEntries(columns.map((name, index) => [name, row.cells[index]?.state ?? "–"])),
    ]),
  );
}

describe("the plan after a presenter changes (deactivated, tag removed)", () => {
  it("keeps a deactivated presenter's made, rendering and failed videos in the matrix, and skips them in the preview", async () => {
    const anna = await planPresenter("Anna", ["morning"]);
    await planPresenter("Ben", ["morning"]);
    const morning = await planScript(`${MONTH}-01`, "Morning", { tag: "morning" });
    const own = await planScript(`${MONTH}-02`, "Anna's own", { presenterId: anna.id });
    const later = await planScript(`${MONTH}-03`, "Later", { tag: "morning" });
    await planScript(`${MONTH}-04`, "Not made yet", { presenterId: anna.id });
    await made(morning.id, anna.id, "COMPLETED");
    await made(own.id, anna.id, "PROCESSING");
    await made(later.id, anna.id, "FAILED");

    await patch(anna.id, { active: false });

    expect(await matrix()).toEqual({
      Morning: { Anna: "published", Ben: "missing" },
      "Anna's own": { Anna: "rendering", Ben: "–" },
      // Failed stays shown as made; the new attempt is for whoever carries #morning today.
      Later: { Anna: "failed", Ben: "missing" },
      "Not made yet": { Anna: "missing", Ben: "–" },
    });
    expect(await previewBatch(MONTH)).toMatchObject({
      missing: 2, // Ben's Morning and Later
      skipped: 2, // Anna's Morning (ready) and own (rendering)
      errors: [{ title: "Not made yet", message: "Anna is inactive: activate the presenter to make this video." }],
    });
    expect(await previewBatch(MONTH, { presenterIds: [anna.id] })).toMatchObject({ missing: 0, skipped: 2 });
  });

  it("keeps a made video when its presenter no longer carries the tag, or no active presenter does", async () => {
    const anna = await planPresenter("Anna", ["news", "morning"]);
    const news = await planScript(`${MONTH}-05`, "News", { tag: "news" });
    await planScript(`${MONTH}-06`, "Other news", { tag: "news" });
    await made(news.id, anna.id, "COMPLETED");

    await patch(anna.id, { tags: ["morning"] });

    expect(await matrix()).toEqual({ News: { Anna: "published" }, "Other news": { Anna: "–" } });
    expect(await previewBatch(MONTH)).toMatchObject({
      missing: 0,
      skipped: 1,
      errors: [{ title: "Other news", message: "No active presenter carries #news." }],
    });
  });
});
