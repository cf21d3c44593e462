import type { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as overviewRoute } from "@/app/api/admin/overview/route";
import { POST as callback } from "@/app/api/heygen/callback/route";
import type { Overview } from "@/lib/overview";
import { db } from "@/server/db";
import { reconcileDue } from "@/server/reconcile/reconcile-due";
import { adminCookie, getRequest, signedV3, unsigned, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function deliver(request: NextRequest) {
  const { response, afterResponse } = await callRoute(() => callback(request));
  await afterResponse();
  return { status: response.status, body: await response.json() };
}

const turnedAway = () =>
  db.webhookTurnedAway.findMany({ select: { reason: true, count: true }, orderBy: { reason: "asc" } });

async function webhooksOverview() {
  const response = await overviewRoute(getRequest("/api/admin/overview", await adminCookie()));
  expect(response.status).toBe(200);
  return ((await response.json()) as Overview).webhooks;
}

const huge = "x".repeat(60_000);

describe("POST /api/heygen/callback: what is stored, and what is only counted", () => {
  it("stores an unsigned post about a known video with every field capped at 200 characters", async () => {
    const video = await db.video.create({ data: { ...videoRow, status: "COMPLETED", heygenVideoId: "h-1" } });
    const { status, body } = await deliver(unsigned({ event_type: huge, event_data: { video_id: "h-1" } }));
    expect(status).toBe(202);
    expect(body.outcome).toBe("finished");

    const [row] = await db.webhookDelivery.findMany({ where: { videoId: video.id } });
    expect(row!.eventType).toBe(`${"x".repeat(199)}…`);
    for (const value of Object.values(row!)) {
      if (typeof value === "string") expect(value.length).toBeLessThanOrEqual(200);
    }
  });

  it("caps a signed event's fields too, in the log and the event-id table, and still acknowledges it", async () => {
    const signed = signedV3({ event_id: "evt_long", event_type: huge, event_data: { video_id: "h-1" } });
    expect(await deliver(signed)).toMatchObject({ status: 200, body: { outcome: "ignored_event" } });
    const [logged] = await db.webhookDelivery.findMany();
    expect(logged!.eventType).toHaveLength(200);
    expect((await db.heygenEvent.findUniqueOrThrow({ where: { eventId: "evt_long" } })).eventType).toHaveLength(200);
  });

  it("stores no row for an unsigned post naming no known video: it counts it per minute", async () => {
    const before = Date.now();
    for (let i = 0; i < 3; i++) {
      const { status, body } = await deliver(unsigned({ event_type: huge, event_data: { video_id: `nobody-${i}` } }));
      expect(status).toBe(202);
      expect(body.outcome).toBe("unknown_video");
    }
    expect((await deliver(unsigned("not json at all"))).body.outcome).toBe("no_video_reference");

    expect(await db.webhookDelivery.count()).toBe(0);
    expect(await turnedAway()).toEqual([
      { reason: "no_video_reference", count: 1 },
      { reason: "unknown_video", count: 3 },
    ]);
    const minutes = await db.webhookTurnedAway.findMany({ select: { minute: true } });
    for (const { minute } of minutes) {
      expect(minute.getTime() % MINUTE).toBe(0);
      expect(minute.getTime()).toBeGreaterThanOrEqual(Math.floor(before / MINUTE) * MINUTE);
    }
  });

  it("counts refused posts (bad signature), concurrent ones exactly, instead of storing them", async () => {
    const forged = () => signedV3({ event_id: "e", event_type: huge }, { secret: "not-the-secret" });
    const statuses = await Promise.all(Array.from({ length: 12 }, () => deliver(forged()).then((r) => r.status)));
    expect(statuses).toEqual(Array(12).fill(401));
    expect(await turnedAway()).toEqual([{ reason: "bad_signature", count: 12 }]);
    expect(await db.webhookDelivery.count()).toBe(0);
  });

  it("shows the counts of the last 24 hours in the admin overview's webhook part (no text from the posts)", async () => {
    await deliver(signedV3({ event_type: huge }, { secret: "not-the-secret" }));
    await deliver(signedV3({ event_type: huge }, { secret: "not-the-secret" }));
    await deliver(unsigned({ event_type: huge, event_data: { video_id: "nobody" } }));
    await db.webhookTurnedAway.create({
      data: { minute: new Date(Date.now() - 2 * DAY), reason: "unknown_video", count: 500 },
    });

    const webhooks = await webhooksOverview();
    expect(webhooks).toMatchObject({ rejectedLastDay: 2, lastRejection: "Signature does not match the body" });
    expect(webhooks.turnedAwayLastDay).toEqual([
      { reason: "bad_signature", count: 2, busiestMinute: expect.any(Number), lastAt: expect.any(String) },
      { reason: "unknown_video", count: 1, busiestMinute: 1, lastAt: expect.any(String) },
    ]);
    expect(JSON.stringify(webhooks)).not.toContain("xxxxxxxx");
  });

  it("prunes the counts with the delivery log, after 30 days", async () => {
    const minute = (ago: number) => new Date(Math.floor((Date.now() - ago) / MINUTE) * MINUTE);
    await db.webhookTurnedAway.createMany({
      data: [
        { minute: minute(31 * DAY), reason: "bad_signature", count: 9 },
        { minute: minute(29 * DAY), reason: "bad_signature", count: 4 },
      ],
    });
    expect((await reconcileDue()).pruned).toBe(1);
    expect(await turnedAway()).toEqual([{ reason: "bad_signature", count: 4 }]);
  });
});
