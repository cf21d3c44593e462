import "server-only";
import { after, NextResponse } from "next/server";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { readRawBody } from "@/server/http/read-body";
import { recordRenderDetails } from "@/server/videos/render-details";
import { syncVideoWithHeygen } from "@/server/videos/sync-with-heygen";
import { applySignedEvent } from "./apply-signed-event";
import { parseHeygenEvent } from "./parse-event";
import { isFreshTimestamp, readDeliveryHeaders, verifySignature } from "./signature";
import { receiveUnsignedHint } from "./unsigned-hint";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * A delivery to /api/heygen/callback, in the order that keeps it safe and fast: authenticate the raw bytes
 * before parsing anything, record and apply the event, answer, and only then (Next's after()) call HeyGen.
 * Signed deliveries are facts (200); unsigned ones are hints that make the app ask HeyGen itself (202).
 */
export async function receiveHeygenDelivery(request: Request): Promise<Response> {
  const headers = readDeliveryHeaders(request.headers);

  if (headers.scheme === "unsigned") {
    const hint = await receiveUnsignedHint(await readRawBody(request, MAX_BODY_BYTES));
    if (hint.check) after(hint.check);
    return NextResponse.json({ received: true, outcome: hint.outcome }, { status: 202 });
  }

  if (!env.HEYGEN_SECRET) {
    console.error("[heygen-webhook] HEYGEN_SECRET is not set: refusing every signed event until it is configured");
    throw new AppError("webhook_not_configured", "This endpoint has no signing secret configured.");
  }
  if (!isFreshTimestamp(headers.timestamp)) {
    console.warn("[heygen-webhook] refused a delivery with a stale or malformed Heygen-Timestamp");
    throw new AppError("stale_signature", "Heygen-Timestamp is missing, malformed or too far from now.");
  }
  const rawBody = await readRawBody(request, MAX_BODY_BYTES);
  if (!verifySignature(rawBody, headers, env.HEYGEN_SECRET)) {
    console.warn(`[heygen-webhook] refused a delivery with a bad ${headers.scheme} signature`);
    throw new AppError("invalid_signature", "The signature does not match the body.");
  }

  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(rawBody).toString("utf8"));
  } catch {
    throw new AppError("invalid_json", "The body must be JSON.");
  }
  const event = parseHeygenEvent(payload);
  const result = await applySignedEvent({ ...event, eventId: headers.eventId ?? event.eventId });
  console.info(`[heygen-webhook] ${headers.scheme} ${event.eventType} ${event.videoId ?? "-"}: ${result.outcome}`);

  const { videoId, heygenVideoId } = result;
  if (videoId && heygenVideoId) {
    if (result.outcome === "applied" && event.kind === "success") after(() => recordRenderDetails(videoId, heygenVideoId));
    if (result.outcome === "needs_check") after(() => syncVideoWithHeygen(videoId, heygenVideoId).then(() => {}));
  }
  return NextResponse.json({ received: true, outcome: result.outcome });
}
