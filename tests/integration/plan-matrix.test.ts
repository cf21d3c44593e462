import { beforeEach, describe, expect, it } from "vitest";
import { GET as matrixRoute } from "@/app/api/admin/plan/matrix/route";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { heygenRequests } from "../support/heygen";
import { planPresenter, planScript, previewBatch } from "../support/plan";
import { rejectDraft } from "../support/review";
import { adminCookie, getRequest, videoRow } from "../support/requests";

type ItemStatus = "QUEUED" | "SUBMITTING" | "SENT" | "FAILED" | "CANCELLED";
type VideoStatus = "PENDING" | "PROCESSING" | "COMPLETED" | "FAILED";

let cookie: string;
beforeEach(async () => {
  cookie = await adminCookie();
});

async function getMatrix(query: string, options: { anonymous?: boolean } = {}) {
  const response = await matrixRoute(
    getRequest(`/api/admin/plan/matrix${query}`, options.anonymous ? undefined : cookie),
  );
  return { status: response.status, body: await response.json() };
}

/** Every state, counted zero. */
const none = {
  missing: 0,
  queued: 0,
  submitted: 0,
  rendering: 0,
  awaiting_review: 0,
  scheduled: 0,
  published: 0,
  completed: 0,
  rejected: 0,
  failed: 0,
};

const batch = () => db.batch.create({ data: { month: "2026-03", requestedBy: "admin" } });

/** A batch item for the pair, with a video in `video` status when given; created one after another (createdAt). */
async function item(
  batchId: string,
  planScriptId: string,
  presenterId: string,
  status: ItemStatus,
  video?: VideoStatus,
  publishing: Partial<Prisma.VideoCreateInput> = {},
) {
  const made = video ? await db.video.create({ data: { ...videoRow, status: video, ...publishing } }) : null;
  // Its pair's live key, as a trigger would queue it (trigger "BatchItem_release_key" drops it when failed or cancelled).
  const liveKey = `${planScriptId}:${presenterId}`;
  await db.batchItem.create({
    data: { batchId, planScriptId, presenterId, status, videoId: made?.id ?? null, liveKey },
  });
  return made?.id ?? null;
}

describe("GET /api/admin/plan/matrix", () => {
  it("answers every pair's state from its latest item and video, null where a script is not for a presenter", async () => {
    const [anna, ben, cleo, dora] = await Promise.all([
      planPresenter("Anna", ["morning"]),
      planPresenter("Ben", ["morning", "evening"]),
      planPresenter("Cleo", ["morning"], { active: false }), // inactive: not in #morning, but a script may still name her
      planPresenter("Dora", []),
    ]);
    // Inserted out of order: rows come by day, then title.
    const beta = await planScript("2026-03-01", "Beta", { presenterId: dora.id });
    const alpha = await planScript("2026-03-01", "Alpha", { tag: "morning" });
    await planScript("2026-03-02", "Gamma", { tag: "weekend" });
    const delta = await planScript("2026-03-03", "Delta", { tag: "evening" });
    const epsilon = await planScript("2026-03-04", "Epsilon", { presenterId: cleo.id });
    const zeta = await planScript("2026-03-05", "Zeta", { tag: "morning" });
    const eta = await planScript("2026-03-06", "Eta", { presenterId: dora.id });
    const theta = await planScript("2026-03-07", "Theta", { presenterId: dora.id });
    const iota = await planScript("2026-03-08", "Iota", { presenterId: dora.id });
    await planScript("2026-04-01", "Next month", { presenterId: anna.id });

    const first = await batch();
    const second = await batch();
    await item(first.id, alpha.id, anna.id, "FAILED"); // superseded by the newer item below
    const alphaAnna = await item(second.id, alpha.id, anna.id, "SENT", "COMPLETED");
    await item(first.id, beta.id, dora.id, "QUEUED");
    const deltaBen = await item(first.id, delta.id, ben.id, "SENT", "PROCESSING");
    await item(first.id, epsilon.id, cleo.id, "SUBMITTING");
    const zetaAnna = await item(first.id, zeta.id, anna.id, "SENT", "PENDING");
    const zetaBen = await item(first.id, zeta.id, ben.id, "SENT", "FAILED");
    await item(first.id, eta.id, dora.id, "CANCELLED");
    await item(first.id, theta.id, dora.id, "FAILED");
    const iotaDora = await item(first.id, iota.id, dora.id, "SENT", "COMPLETED");
    await db.video.delete({ where: { id: iotaDora! } }); // a deleted video leaves the pair missing

    const { status, body } = await getMatrix("?month=2026-03");
    expect(status).toBe(200);
    expect(body.month).toBe("2026-03");
    expect(body.columns).toEqual([
      { id: anna.id, name: "Anna", active: true },
      { id: ben.id, name: "Ben", active: true },
      { id: cleo.id, name: "Cleo", active: false },
      { id: dora.id, name: "Dora", active: true },
    ]);
    const cell = (state: string, videoId: string | null, batchId: string | null) => ({
      state,
      videoId,
      batchId,
      languages: [],
    });
    const missing = cell("missing", null, null);
    expect(
      body.rows.map((row: { date: string; title: string; cells: unknown[] }) => [row.date, row.title, row.cells]),
    ).toEqual([
      ["2026-03-01", "Alpha", [cell("published", alphaAnna, second.id), missing, null, null]],
      ["2026-03-01", "Beta", [null, null, null, cell("queued", null, first.id)]],
      ["2026-03-02", "Gamma", [null, null, null, null]],
      ["2026-03-03", "Delta", [null, cell("rendering", deltaBen, first.id), null, null]],
      ["2026-03-04", "Epsilon", [null, null, cell("submitted", null, first.id), null]],
      ["2026-03-05", "Zeta", [cell("submitted", zetaAnna, first.id), cell("failed", zetaBen, first.id), null, null]],
      ["2026-03-06", "Eta", [null, null, null, cell("missing", null, first.id)]],
      ["2026-03-07", "Theta", [null, null, null, cell("failed", null, first.id)]],
      ["2026-03-08", "Iota", [null, null, null, cell("missing", null, first.id)]],
    ]);
    expect(body.rows[0]).toMatchObject({ presenter: null, tag: "morning" });
    expect(body.rows[1]).toMatchObject({ presenter: { id: dora.id, name: "Dora" }, tag: null });
    expect(body.rows[2]).toMatchObject({ tag: "weekend" }); // no active presenter carries it: every cell null
    expect(body.counts).toEqual({
      ...none,
      missing: 3,
      queued: 1,
      submitted: 2,
      rendering: 1,
      published: 1,
      failed: 2,
    });
    expect(heygenRequests).toEqual([]);
  });

  it("says where each made video stands in review: awaiting review, rejected (with why, and missing for the preview), scheduled (with when), published or private", async () => {
    const anna = await planPresenter("Anna");
    const names = ["Draft", "Drafting", "Rejected", "Scheduled", "Due", "Private", "Unlisted"];
    const scripts = [];
    for (const [index, title] of names.entries())
      scripts.push(await planScript(`2026-03-0${index + 1}`, title, { presenterId: anna.id }));
    const [draft, drafting, rejected, scheduled, due, secret, unlisted] = scripts.map((script) => script.id);
    const first = await batch();
    const later = new Date(Date.now() + 86_400_000);
    const ids = [
      await item(first.id, draft!, anna.id, "SENT", "COMPLETED", { visibility: "DRAFT" }),
      await item(first.id, drafting!, anna.id, "SENT", "PROCESSING", { visibility: "DRAFT" }), // still rendering
      await item(first.id, rejected!, anna.id, "SENT", "COMPLETED", { visibility: "DRAFT" }),
      await item(first.id, scheduled!, anna.id, "SENT", "COMPLETED", { publishAt: later }),
      await item(first.id, due!, anna.id, "SENT", "COMPLETED", { publishAt: new Date(Date.now() - 1_000) }),
      await item(first.id, secret!, anna.id, "SENT", "COMPLETED", { visibility: "PRIVATE" }),
      await item(first.id, unlisted!, anna.id, "SENT", "COMPLETED", { visibility: "UNLISTED" }),
    ];
    expect((await rejectDraft(ids[2]!, { reason: "Wrong product name." })).status).toBe(200);

    const { body } = await getMatrix("?month=2026-03");
    const cell = (state: string, index: number, extra = {}) => ({
      state,
      videoId: ids[index],
      batchId: first.id,
      languages: [],
      ...extra,
    });
    expect(body.timeZone).toBe("UTC");
    expect(body.rows.map((row: { cells: unknown[] }) => row.cells[0])).toEqual([
      cell("awaiting_review", 0),
      cell("rendering", 1),
      cell("rejected", 2, { reason: "Wrong product name." }),
      cell("scheduled", 3, { publishAt: later.toISOString() }),
      cell("published", 4),
      cell("completed", 5),
      cell("published", 6),
    ]);
    expect(body.counts).toEqual({
      ...none,
      awaiting_review: 1,
      rendering: 1,
      rejected: 1,
      scheduled: 1,
      published: 2,
      completed: 1,
    });
    // The preview counts the rejected pair as missing, as the matrix's badge says.
    const preview = await previewBatch("2026-03");
    expect(preview.videos).toEqual([expect.objectContaining({ planScriptId: rejected, presenterId: anna.id })]);
  });

  it("answers an empty month with no columns, rows or counts", async () => {
    const { status, body } = await getMatrix("?month=2030-01");
    expect(status).toBe(200);
    expect(body).toEqual({
      month: "2030-01",
      timeZone: "UTC",
      columns: [],
      rows: [],
      counts: none,
      translationCounts: { missing: 0, queued: 0, submitted: 0, rendering: 0, ready: 0, failed: 0 },
    });
  });

  it("refuses a malformed or missing month with a 400 naming it", async () => {
    for (const query of ["?month=2026-13", "?month=March", "?month=2026-3", ""]) {
      const { status, body } = await getMatrix(query);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: "invalid_input", field: "month" });
    }
  });

  it("answers 401 without an admin session", async () => {
    const { status, body } = await getMatrix("?month=2026-03", { anonymous: true });
    expect(status).toBe(401);
    expect(body.error.code).toBe("unauthorized");
  });
});
