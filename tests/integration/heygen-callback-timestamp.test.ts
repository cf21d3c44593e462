import type { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as callback } from "@/app/api/heygen/callback/route";
import { db } from "@/server/db";
import { deliveryRequest, hmac, signedLegacy, signedV3, videoRow } from "../support/requests";
import { callRoute } from "../support/route-scope";

async function deliver(request: NextRequest) {
  const { response } = await callRoute(() => callback(request));
  return { status: response.status, body: await response.json() };
}

const processingVideo = (heygenVideoId = "h-1") =>
  db.video.create({ data: { ...videoRow, status: "PROCESSING", heygenVideoId } });
const statusOf = async (id: string) => (await db.video.findUniqueOrThrow({ where: { id } })).status;

const success = (heygenVideoId: string, eventId = "evt_1") => ({
  event_id: eventId,
  event_type: "avatar_video.success",
  event_data: { video_id: heygenVideoId, video_url: "https://resource.heygen.ai/v.mp4?Expires=1" },
});
const now = () => String(Math.floor(Date.now() / 1000));

describe("POST /api/heygen/callback: the v3 scheme's timestamp", () => {
  it("refuses a Heygen-Signature delivery without Heygen-Timestamp (401), counts why, and changes nothing", async () => {
    const video = await processingVideo();
    const refused = await deliver(signedV3(success("h-1"), { timestamp: null }));
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("stale_signature");
    // Counted like every refused post (per minute and reason), not stored.
    expect(await db.webhookTurnedAway.findMany({ select: { reason: true, count: true } })).toEqual([
      { reason: "missing_timestamp", count: 1 },
    ]);
    expect(await db.webhookDelivery.count()).toBe(0);
    expect(await statusOf(video.id)).toBe("PROCESSING");
    expect(await db.heygenEvent.count()).toBe(0); // the event id is not spent: HeyGen's own delivery still applies

    expect((await deliver(signedV3(success("h-1")))).body.outcome).toBe("applied");
    expect(await statusOf(video.id)).toBe("COMPLETED");
  });

  it("keeps accepting the legacy Signature scheme, which has no timestamp", async () => {
    const video = await processingVideo();
    const legacyBody = { ...success("h-1"), event_id: undefined }; // no event id, as legacy endpoints get it
    expect(await deliver(signedLegacy(legacyBody))).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await statusOf(video.id)).toBe("COMPLETED");
  });

  it("accepts the signature over `<timestamp>.<raw body>` as well (whether HeyGen signs the timestamp is unconfirmed)", async () => {
    const video = await processingVideo();
    const body = JSON.stringify(success("h-1"));
    const timestamp = now();
    const overTimestamp = { "heygen-signature": hmac(`${timestamp}.${body}`), "heygen-timestamp": timestamp };
    expect((await deliver(deliveryRequest(body, overTimestamp))).body.outcome).toBe("applied");
    expect(await statusOf(video.id)).toBe("COMPLETED");

    // A signature over another timestamp's content does not pass.
    const other = await processingVideo("h-2");
    const otherBody = JSON.stringify(success("h-2", "evt_2"));
    const wrongTimestamp = { "heygen-signature": hmac(`1.${otherBody}`), "heygen-timestamp": now() };
    expect((await deliver(deliveryRequest(otherBody, wrongTimestamp))).status).toBe(401);
    expect(await statusOf(other.id)).toBe("PROCESSING");
  });

  it("dedupes on the body's signed event_id: a captured delivery replayed under another header changes nothing", async () => {
    const video = await processingVideo();
    const original = JSON.stringify(success("h-1", "evt_original"));
    expect((await deliver(signedV3(original))).body.outcome).toBe("applied");
    await db.video.update({ where: { id: video.id }, data: { status: "PROCESSING", videoUrl: null } });

    // Same signed bytes, a fresh (unsigned) timestamp and another Heygen-Event-Id header.
    const replayed = signedV3(original, { eventId: "evt_forged_header" });
    expect(await deliver(replayed)).toMatchObject({ status: 200, body: { outcome: "duplicate" } });
    // Same signed bytes under the legacy header, which needs no timestamp.
    const downgraded = deliveryRequest(original, { signature: hmac(original) });
    expect(await deliver(downgraded)).toMatchObject({ status: 200, body: { outcome: "duplicate" } });
    expect(await statusOf(video.id)).toBe("PROCESSING");
    expect(await db.heygenEvent.findMany({ select: { eventId: true } })).toEqual([{ eventId: "evt_original" }]);
  });
});
