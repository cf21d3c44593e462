import "server-only";
import { after, NextResponse } from "next/server";
import type { TurnedAwayReason } from "@/lib/overview";
import { AppError } from "@/server/errors";
import { readRawBody } from "@/server/http/read-body";
import type { HandlerContext } from "@/server/http/route";
import { enqueueMediaCopyOf } from "@/server/queue/media-copy-jobs";
import { recordRenderDetails } from "@/server/media/render-details";
import { webhookSecret, type Credential } from "@/server/settings/credentials";
import { claimAndSync } from "@/server/sync/ask-heygen";
import { applySignedEvent } from "./apply-signed-event";
import { capStored, recordDelivery } from "./delivery-log";
import { parseHeygenEvent } from "./parse-event";
import {
  readDeliveryHeaders,
  SIGNATURE_TOLERANCE_SECONDS,
  timestampProblem,
  verifySignature,
  type DeliveryHeaders,
} from "./signature";
import { countTurnedAway } from "./turned-away";
import { receiveUnsignedHint } from "./unsigned-hint";

const MAX_BODY_BYTES = 64 * 1024;

const TIMESTAMP_PROBLEMS = {
  missing: "A Heygen-Signature delivery must carry a Heygen-Timestamp.",
  malformed: "Heygen-Timestamp is not Unix seconds.",
  stale: `Heygen-Timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} s from now.`,
} as const;

type Context = Pick<HandlerContext<unknown, undefined>, "requestId" | "note">;

/**
 * A delivery to /api/heygen/callback, in the order that keeps it safe and fast: authenticate the raw bytes before
 * parsing anything, record the delivery and apply the event (in one transaction for signed events), answer, and
 * only then (Next's after()) call HeyGen. Signed deliveries are facts (200); unsigned ones are hints that make the
 * app ask HeyGen itself (202). Nothing is acknowledged that was not stored: a database failure is a 503. Posts
 * anyone can send in bulk (refused ones, unsigned ones naming no known video) are counted per minute, not stored.
 */
export async function receiveHeygenDelivery(request: Request, context: Context): Promise<Response> {
  const headers = readDeliveryHeaders(request.headers);
  const { note } = context;
  note({ scheme: headers.scheme });
  const refuse = async (error: AppError, reason: TurnedAwayReason) => {
    note({ turnedAway: reason });
    await countTurnedAway(reason);
    return error;
  };
  const readBody = () =>
    readRawBody(request, MAX_BODY_BYTES).catch(async (error: unknown) => {
      throw error instanceof AppError && error.code === "payload_too_large" ? await refuse(error, "too_large") : error;
    });

  if (headers.scheme === "unsigned") return receiveUnsigned(await readBody(), context);

  // None cached: another instance may have just registered one (a database read only on this refusal path).
  const secret = (await webhookSecret()) ?? (await webhookSecret({ fresh: true }));
  if (!secret) {
    throw await refuse(
      new AppError(
        "webhook_not_configured",
        "This endpoint has no signing secret configured (HEYGEN_SECRET, or Settings → Webhook).",
      ),
      "no_secret",
    );
  }
  const timestamp = timestampProblem(headers);
  if (timestamp) {
    const reason = timestamp === "missing" ? "missing_timestamp" : "stale_timestamp";
    throw await refuse(new AppError("stale_signature", TIMESTAMP_PROBLEMS[timestamp]), reason);
  }
  const rawBody = await readBody();
  if (!verifySignature(rawBody, headers, secret.value) && !(await verifiesWithNewerSecret(rawBody, headers, secret))) {
    throw await refuse(
      new AppError("invalid_signature", `The ${headers.scheme} signature does not match the body.`),
      "bad_signature",
    );
  }
  const body = Buffer.from(rawBody).toString("utf8");
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    throw await refuse(new AppError("invalid_json", "The body must be JSON."), "not_json");
  }
  return applyVerified(payload, body, headers, context);
}

/** An unsigned hint: stored (fields capped) when it names a known video, only counted when it names none. */
async function receiveUnsigned(rawBody: Uint8Array, { requestId, note }: Context): Promise<Response> {
  const hint = await receiveUnsignedHint(rawBody);
  const { event } = hint;
  note({ outcome: hint.outcome, videoId: hint.videoId });
  if (hint.videoId === null) {
    await countTurnedAway(hint.outcome === "unknown_video" ? "unknown_video" : "no_video_reference");
  } else {
    await recordDelivery({
      requestId,
      scheme: "unsigned",
      outcome: hint.outcome,
      eventType: event.eventType,
      heygenVideoId: event.videoId,
      videoId: hint.videoId,
    });
  }
  if (hint.check) after(hint.check);
  return NextResponse.json({ received: true, outcome: hint.outcome }, { status: 202 });
}

/**
 * A secret saved in Settings is cached for a few seconds per instance: when another instance has just registered a
 * new one (rotating the old one out at HeyGen), the first mismatch reads it afresh instead of refusing until then.
 */
async function verifiesWithNewerSecret(
  rawBody: Uint8Array,
  headers: DeliveryHeaders,
  current: NonNullable<Credential>,
): Promise<boolean> {
  if (current.source !== "settings") return false;
  const latest = await webhookSecret({ fresh: true });
  return latest !== null && latest.value !== current.value && verifySignature(rawBody, headers, latest.value);
}

async function applyVerified(
  payload: unknown,
  body: string,
  headers: DeliveryHeaders,
  { requestId, note }: Context,
): Promise<Response> {
  const event = parseHeygenEvent(payload);
  // The body's event_id is signed; the Heygen-Event-Id header is not, so it is only a fallback. Keyed on the
  // header first, a captured delivery replayed with another header (or as a legacy `Signature`) would apply again.
  const result = await applySignedEvent(
    { ...event, eventId: event.eventId ?? headers.eventId },
    { requestId, scheme: headers.scheme, body },
  );
  note({ outcome: result.outcome, eventType: capStored(event.eventType), videoId: result.videoId });

  const { videoId, heygenVideoId } = result;
  if (videoId && heygenVideoId && result.outcome === "applied" && event.kind === "success") {
    // The copy wants the poster and captions too: enqueued once the details are in (or given up on).
    after(async () => {
      await recordRenderDetails(videoId);
      await enqueueMediaCopyOf(videoId);
    });
  }
  // A success without a URL, or a translation's event: HeyGen's record says what it is (through the sync path, which
  // also finds a translation named only by callback_id). The sync enqueues the copy when it completes the video.
  if (videoId && result.outcome === "needs_check") after(() => claimAndSync(videoId, { heygenVideoId }).then(() => {}));
  return NextResponse.json({ received: true, outcome: result.outcome });
}
