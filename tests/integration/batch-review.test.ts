import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { POST as previewRoute } from "@/app/api/admin/batches/preview/route";
import { POST as triggerRoute } from "@/app/api/admin/batches/route";
import { GET as batchRoute } from "@/app/api/admin/batches/[id]/route";
import { PUT as putMonth } from "@/app/api/admin/plan/months/[month]/route";
import { db } from "@/server/db";
import { PUBLISH_QUEUE } from "@/server/queue/boss";
import { fakeHeygen } from "../support/heygen";
import { batchWorkers, planPresenter, planScript } from "../support/plan";
import { rejectDraft } from "../support/review";
import { adminCookie, getRequest, jsonRequest, replayDelivery } from "../support/requests";
import { callRoute } from "../support/route-scope";
import { waitFor } from "../support/wait-for";

// Plan moments are said in this zone: 09:00 on 2 Jan 2099 in New York is 14:00 UTC.
vi.hoisted(() => Object.assign(process.env, { PUBLISH_TIMEZONE: "America/New_York", QUEUE_SUBMIT_INTERVAL_MS: "100" }));

const workers = batchWorkers();
let cookie: string;
beforeEach(async () => {
  cookie = await adminCookie();
});

const trigger = async (body: object) => {
  const response = await triggerRoute(jsonRequest("/api/admin/batches", body, { cookie }));
  return { status: response.status, body: await response.json() };
};
const preview = async (month: string) => {
  const response = await previewRoute(jsonRequest("/api/admin/batches/preview", { month }, { cookie }));
  return response.json();
};

/** Every item of the batch sent and its video completed by HeyGen's signed webhook. */
async function makeAll(batchId: string) {
  await workers.start();
  const items = await waitFor(
    () => db.batchItem.findMany({ where: { batchId }, include: { video: true } }),
    (rows) => rows.length > 0 && rows.every((row) => row.status === "SENT" && row.video?.status === "PROCESSING"),
    15_000,
  );
  for (const delivery of fakeHeygen.outbox.splice(0)) await callRoute(() => callback(replayDelivery(delivery)));
  return db.video.findMany({ where: { id: { in: items.map((item) => item.videoId!) } }, include: { batchItem: true } });
}

describe("batches and review", () => {
  it("makes drafts by default: ready, seen by nobody, and the batch says it is reviewed", async () => {
    await planPresenter("Anna", ["daily"]);
    await planScript("2026-12-01", "Day 1", { tag: "daily" });
    const { status, body } = await trigger({ month: "2026-12" });
    expect(status).toBe(201);

    const videos = await makeAll(body.batchId);
    expect(videos).toMatchObject([{ status: "COMPLETED", visibility: "DRAFT", publishAt: null, publishedAt: null }]);
    const batch = await batchRoute(getRequest(`/api/admin/batches/${body.batchId}`, cookie), {
      params: Promise.resolve({ id: body.batchId }),
    });
    expect(await batch.json()).toMatchObject({ review: true });
  });

  it("without review, makes each video public at its plan moment (the month's publish time, in PUBLISH_TIMEZONE), its publish job queued", async () => {
    await planPresenter("Anna", ["daily"]);
    await planScript("2099-01-02", "Far off", { tag: "daily" });
    expect(
      (
        await putMonth(
          jsonRequest("/api/admin/plan/months/2099-01", { publishTime: "07:30" }, { cookie, method: "PUT" }),
          { params: Promise.resolve({ month: "2099-01" }) },
        )
      ).status,
    ).toBe(200);
    const { body } = await trigger({ month: "2099-01", review: false });

    const [video] = await makeAll(body.batchId);
    const moment = new Date("2099-01-02T12:30:00.000Z"); // 07:30 in New York (EST, UTC-5)
    expect(video).toMatchObject({ status: "COMPLETED", visibility: "PUBLIC", publishAt: moment, publishedAt: null });
    const jobs = await db.$queryRaw<Array<{ startAfter: Date }>>`
      SELECT start_after AS "startAfter" FROM pgboss.job WHERE name = ${PUBLISH_QUEUE} AND data->>'videoId' = ${video!.id}`;
    expect(jobs).toEqual([{ startAfter: moment }]);
    expect(await db.batch.findUniqueOrThrow({ where: { id: body.batchId } })).toMatchObject({ review: false });
  });

  it("without review, publishes a video whose plan moment has passed as soon as it is ready", async () => {
    await planPresenter("Anna", ["daily"]);
    await planScript("2020-03-04", "Long ago", { tag: "daily" });
    const { body } = await trigger({ month: "2020-03", review: false });

    const [video] = await makeAll(body.batchId);
    expect(video).toMatchObject({ status: "COMPLETED", visibility: "PUBLIC", publishAt: null });
    expect(video!.publishedAt).not.toBeNull();
  });

  it("refuses a review that is not true or false with a 400 naming it, and queues nothing", async () => {
    await planPresenter("Anna", ["daily"]);
    await planScript("2026-12-01", "Day 1", { tag: "daily" });
    for (const review of ["no", 0, null]) {
      const { status, body } = await trigger({ month: "2026-12", review });
      expect(status).toBe(400);
      expect(body.error).toMatchObject({
        code: "invalid_input",
        field: "review",
        message: "review must be true or false",
      });
    }
    expect(await db.batch.count()).toBe(0);
  });

  it("remakes a rejected video, and only it, with the next “Generate what is missing”: a draft again", async () => {
    await planPresenter("Anna", ["daily"]);
    await planPresenter("Ben", ["daily"]);
    await planScript("2026-12-01", "Day 1", { tag: "daily" });
    const first = await trigger({ month: "2026-12" });
    const made = await makeAll(first.body.batchId);
    expect(made).toHaveLength(2);
    expect(await preview("2026-12")).toMatchObject({ missing: 0, skipped: 2 });

    const rejected = made[0]!;
    expect((await rejectDraft(rejected.id, { reason: "The intro is too long." })).status).toBe(200);

    const again = await preview("2026-12");
    expect(again).toMatchObject({ missing: 1, skipped: 1 });
    expect(again.videos).toEqual([
      expect.objectContaining({
        presenterId: rejected.batchItem!.presenterId,
        planScriptId: rejected.batchItem!.planScriptId,
      }),
    ]);
    const second = await trigger({ month: "2026-12" });
    expect(second).toMatchObject({ status: 201, body: { queued: 1, skipped: 1 } });
    const [remade] = await makeAll(second.body.batchId);
    expect(remade).toMatchObject({
      status: "COMPLETED",
      visibility: "DRAFT",
      batchItem: { presenterId: rejected.batchItem!.presenterId, planScriptId: rejected.batchItem!.planScriptId },
    });
    expect(remade!.id).not.toBe(rejected.id);
    // The rejected one stays, private, with its reason.
    expect(await db.video.findUniqueOrThrow({ where: { id: rejected.id } })).toMatchObject({
      visibility: "PRIVATE",
      rejectionReason: "The intro is too long.",
    });
  });
});
