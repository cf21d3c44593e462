import "server-only";
import { db, TRANSACTION_OPTIONS } from "@/server/db";
import { applyStatusChange, type StatusChange } from "@/server/videos/transition";
import { recordDelivery, type DeliveryRecord } from "./delivery-log";
import { findVideoForEvent } from "./find-video";
import type { HeygenEvent } from "./parse-event";

export type SignedEventOutcome = {
  outcome: "applied" | "unchanged" | "duplicate" | "unknown_video" | "ignored_event" | "needs_check";
  videoId: string | null;
  heygenVideoId: string | null;
};

type Delivery = Pick<DeliveryRecord, "requestId" | "scheme" | "body">;

/**
 * Applies a verified event. Its event id (unique key), the status change and the delivery's log row are written
 * in one transaction: a redelivery, even a concurrent one, finds the id and changes nothing, and a failure
 * leaves none of them, so the answer is a 5xx and HeyGen's retry is applied. Events without an id (legacy) rely
 * on the state machine alone.
 */
export function applySignedEvent(event: HeygenEvent, delivery: Delivery): Promise<SignedEventOutcome> {
  return db.$transaction(async (tx) => {
    // First, so that a concurrent copy of the same event waits on this key and then sees it taken.
    const firstTime =
      !event.eventId ||
      (
        await tx.heygenEvent.createMany({
          data: [{ eventId: event.eventId, eventType: event.eventType, heygenVideoId: event.videoId }],
          skipDuplicates: true,
        })
      ).count === 1;
    const result = firstTime ? await decide(event, tx) : { outcome: "duplicate" as const, videoId: null, heygenVideoId: event.videoId };
    await recordDelivery(
      { ...delivery, outcome: result.outcome, eventId: event.eventId, eventType: event.eventType, heygenVideoId: event.videoId, videoId: result.videoId },
      tx,
    );
    return result;
  }, TRANSACTION_OPTIONS);
}

async function decide(event: HeygenEvent, tx: Parameters<typeof findVideoForEvent>[1]): Promise<SignedEventOutcome> {
  if (event.kind === "other") return { outcome: "ignored_event", videoId: null, heygenVideoId: event.videoId };
  const video = await findVideoForEvent(event, tx);
  if (!video) return { outcome: "unknown_video", videoId: null, heygenVideoId: event.videoId };
  const change = statusChangeOf(event);
  // A success without a URL (never seen, but possible): ask HeyGen instead of guessing.
  if (!change) return { outcome: "needs_check", videoId: video.id, heygenVideoId: event.videoId };
  const { applied } = await applyStatusChange(video.id, change, tx);
  return { outcome: applied ? "applied" : "unchanged", videoId: video.id, heygenVideoId: event.videoId };
}

function statusChangeOf(event: HeygenEvent): StatusChange | null {
  const heygenVideoId = event.videoId ?? undefined;
  if (event.kind === "fail") {
    return { status: "FAILED", heygenVideoId, error: event.failure ?? "HeyGen reported that the video failed" };
  }
  return event.videoUrl ? { status: "COMPLETED", heygenVideoId, videoUrl: event.videoUrl } : null;
}
