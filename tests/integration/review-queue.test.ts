import { describe, expect, it, vi } from "vitest";
import { POST as bulkApproveRoute } from "@/app/api/admin/review/approve/route";
import { GET as queueRoute } from "@/app/api/admin/review/route";
import { POST as approveRoute } from "@/app/api/admin/videos/[id]/approve/route";
import { REJECTION_REASON_MAX_LENGTH, REVIEW_BULK_MAX } from "@/lib/limits";
import type { BulkApproval, ReviewQueuePage } from "@/lib/review";
import { db } from "@/server/db";
import { REVIEW_PAGE_SIZE } from "@/server/review/review-queue";
import { completedVideo } from "../support/completed-video";
import { previewBatch } from "../support/plan";
import { adminCookie, getRequest, jsonRequest } from "../support/requests";
import { restartProcess } from "../support/restart-process";
import { planDraft, rejectDraft as reject, studioDraft } from "../support/review";

type ErrorBody = { error: { code: string; message: string; field?: string } };
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const row = (id: string) => db.video.findUniqueOrThrow({ where: { id } });
const nextYear = new Date().getUTCFullYear() + 1;

async function queue(query = "", cookie?: string) {
  const response = await queueRoute(getRequest(`/api/admin/review${query}`, cookie ?? (await adminCookie())));
  return { status: response.status, body: (await response.json()) as ReviewQueuePage & ErrorBody };
}

async function approve(id: string) {
  const response = await approveRoute(
    jsonRequest(`/api/admin/videos/${id}/approve`, {}, { cookie: await adminCookie() }),
    params(id),
  );
  return { status: response.status, body: await response.json() };
}

async function bulkApprove(body: unknown, cookie?: string) {
  const response = await bulkApproveRoute(
    jsonRequest("/api/admin/review/approve", body, { cookie: cookie ?? (await adminCookie()) }),
  );
  return { status: response.status, body: (await response.json()) as BulkApproval & ErrorBody };
}

describe("GET /api/admin/review", () => {
  it("lists ready drafts only: oldest plan date first, then drafts with none, oldest first; with their count", async () => {
    const noPlanOld = await studioDraft("Studio, older");
    const late = await planDraft(`${nextYear}-03-20`);
    const early = await planDraft(`${nextYear}-03-02`);
    const noPlanNew = await studioDraft("Studio, newer");
    // Not awaiting review: public, rendering, failed, rejected.
    await completedVideo({ title: "Public" });
    await completedVideo({ visibility: "DRAFT", status: "PROCESSING", completedAt: null });
    await completedVideo({ visibility: "DRAFT", status: "FAILED", error: "No." });
    await completedVideo({ visibility: "DRAFT", rejectedAt: new Date(), rejectionReason: "No." });

    const { status, body } = await queue();
    expect(status).toBe(200);
    expect(body.drafts.map((draft) => draft.id)).toEqual([early.video.id, late.video.id, noPlanOld.id, noPlanNew.id]);
    expect(body).toMatchObject({ count: 4, nextCursor: null });
    expect(body.drafts[0]).toMatchObject({
      title: early.video.title,
      script: early.script.script,
      planDate: `${nextYear}-03-02`,
      presentedBy: { name: early.presenter.name },
      hasCaptions: true,
      duration: expect.any(Number),
      videoUrl: expect.stringMatching(/^https?:/),
      thumbnailUrl: expect.stringMatching(/^https?:/),
    });
    expect(body.drafts[2]).toMatchObject({ planDate: null, publishesAt: null });
  });

  it("says when approval would publish: the plan day at the month's publish time in PUBLISH_TIMEZONE", async () => {
    vi.stubEnv("PUBLISH_TIMEZONE", "Europe/Paris");
    await restartProcess();
    await db.planMonth.create({ data: { month: `${nextYear}-07`, publishTime: "18:30" } });
    await planDraft(`${nextYear}-07-14`, { title: "July" });
    await planDraft(`${nextYear}-08-01`, { title: "August" });
    await planDraft("2020-01-05", { title: "Past" });

    const { body } = await queue();
    const by = Object.fromEntries(body.drafts.map((draft) => [draft.title, draft.publishesAt]));
    // Paris is UTC+2 in July (summer time), and the default 09:00 applies to a month with no row.
    expect(by).toEqual({
      Past: null,
      July: `${nextYear}-07-14T16:30:00.000Z`,
      August: `${nextYear}-08-01T07:00:00.000Z`,
    });
  });

  it("pages with a cursor, neither skipping nor repeating; refuses a cursor it did not give out", async () => {
    const ids = [];
    for (let index = 0; index <= REVIEW_PAGE_SIZE; index++) ids.push((await studioDraft(`Draft ${index}`)).id);
    const first = await queue();
    expect(first.body.drafts).toHaveLength(REVIEW_PAGE_SIZE);
    expect(first.body.count).toBe(REVIEW_PAGE_SIZE + 1);
    const second = await queue(`?cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ nextCursor: null });
    expect([...first.body.drafts, ...second.body.drafts].map((draft) => draft.id)).toEqual(ids);

    const bad = await queue("?cursor=nonsense");
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("cursor");
  });

  it("is for admins only", async () => {
    await studioDraft();
    expect((await queue("", "")).status).toBe(401);
  });
});

describe("POST /api/admin/videos/[id]/approve", () => {
  it("schedules a plan draft for its plan moment (the month's publish time): unpublished until then", async () => {
    await db.planMonth.create({ data: { month: `${nextYear}-05`, publishTime: "07:15" } });
    const { video } = await planDraft(`${nextYear}-05-04`);
    const { status, body } = await approve(video.id);
    expect(status).toBe(200);
    expect(body.video).toMatchObject({
      id: video.id,
      visibility: "public",
      publishAt: `${nextYear}-05-04T07:15:00.000Z`,
      publishedAt: null,
    });
    expect(await row(video.id)).toMatchObject({ approvedAt: expect.any(Date), visibility: "PUBLIC" });
    expect((await queue()).body.drafts).toEqual([]);
  });

  it("publishes at once a draft with no plan date, or one whose plan moment has passed", async () => {
    const studio = await studioDraft();
    const past = await planDraft("2021-02-03");
    for (const id of [studio.id, past.video.id]) {
      const { status, body } = await approve(id);
      expect(status).toBe(200);
      expect(body.video).toMatchObject({ visibility: "public", publishAt: null });
      expect(Date.parse(body.video.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
    }
  });

  it("answers 409 in words for what is not a ready draft, 404 for no such video; changes nothing", async () => {
    const approved = await studioDraft();
    await approve(approved.id);
    const rendering = await completedVideo({ visibility: "DRAFT", status: "PROCESSING", completedAt: null });
    const failed = await completedVideo({ visibility: "DRAFT", status: "FAILED", error: "No." });
    const rejected = await studioDraft();
    await reject(rejected.id, { reason: "Off brand." });

    const cases = [
      [approved.id, /already approved or published/],
      [rendering.id, /still being made/],
      [failed.id, /failed to render/],
      [rejected.id, /already rejected/],
    ] as const;
    for (const [id, message] of cases) {
      const before = await row(id);
      const { status, body } = await approve(id);
      expect(status).toBe(409);
      expect(body.error.message).toMatch(message);
      expect(await row(id)).toEqual(before);
    }
    expect((await approve("nosuchvideo0000000000000")).status).toBe(404);
    expect((await approve("not an id")).status).toBe(404);
  });
});

describe("POST /api/admin/videos/[id]/reject", () => {
  it("makes it private with the reason; its plan pair counts as missing again", async () => {
    const month = `${nextYear}-04`;
    const { video } = await planDraft(`${month}-09`);
    expect(await previewBatch(month)).toMatchObject({ missing: 0, skipped: 1 });

    const { status, body } = await reject(video.id, { reason: "  The logo is wrong.  " });
    expect(status).toBe(200);
    expect(body.video).toMatchObject({ id: video.id, visibility: "private", publishedAt: null });
    expect(await row(video.id)).toMatchObject({ rejectionReason: "The logo is wrong.", rejectedAt: expect.any(Date) });
    expect(await previewBatch(month)).toMatchObject({ missing: 1 });
    expect((await queue()).body.drafts).toEqual([]);
    expect((await reject(video.id, { reason: "Again." })).status).toBe(409);
  });

  it.each([
    ["no reason", {}],
    ["a blank reason", { reason: "   " }],
    ["a reason too long", { reason: "x".repeat(REJECTION_REASON_MAX_LENGTH + 1) }],
    ["a reason not text", { reason: 7 }],
  ])("answers 400 naming reason for %s, and changes nothing", async (_, input) => {
    const draft = await studioDraft();
    const { status, body } = await reject(draft.id, input);
    expect(status).toBe(400);
    expect(body.error.field).toBe("reason");
    expect(await row(draft.id)).toMatchObject({ visibility: "DRAFT", rejectedAt: null });
  });

  it("answers 404 for no such video", async () => {
    expect((await reject("nosuchvideo0000000000000", { reason: "No." })).status).toBe(404);
  });
});

describe("POST /api/admin/review/approve", () => {
  it("approves each named draft once, however often named, and says why others were skipped", async () => {
    const a = await studioDraft("A");
    const { video: b } = await planDraft(`${nextYear}-06-10`);
    const { body, status } = await bulkApprove({ ids: [a.id, b.id, a.id, "nosuchvideo0000000000000"] });
    expect(status).toBe(200);
    expect(body.approved).toEqual([
      { id: a.id, publishAt: null },
      { id: b.id, publishAt: `${nextYear}-06-10T09:00:00.000Z` },
    ]);
    expect(body.skipped).toEqual([{ id: "nosuchvideo0000000000000", reason: "No video with this id." }]);
  });

  it.each([
    ["an empty list", { ids: [] }],
    ["not a list", { ids: "abc" }],
    ["no list", {}],
    ["too many", { ids: Array.from({ length: REVIEW_BULK_MAX + 1 }, (_, index) => `id${index}`) }],
  ])("answers 400 naming ids for %s", async (_, input) => {
    const { status, body } = await bulkApprove(input);
    expect(status).toBe(400);
    expect(body.error.field).toBe("ids");
  });

  it("two approvals racing over the same drafts approve each once", async () => {
    const ids = [];
    for (let index = 0; index < 6; index++) ids.push((await studioDraft(`Race ${index}`)).id);
    const cookie = await adminCookie();
    const [one, two] = await Promise.all([
      bulkApprove({ ids }, cookie),
      bulkApprove({ ids: [...ids].reverse() }, cookie),
    ]);
    const approved = [...one.body.approved, ...two.body.approved].map((item) => item.id);
    expect(approved.sort()).toEqual([...ids].sort());
    expect([...one.body.skipped, ...two.body.skipped].map((item) => item.id).sort()).toEqual([...ids].sort());
    for (const skipped of [...one.body.skipped, ...two.body.skipped]) {
      expect(skipped.reason).toMatch(/already approved or published/);
    }
  });
});
