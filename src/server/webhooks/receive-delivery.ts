import "server-only";
import { after, NextResponse } from "next/server";
import { AppError } from "@/server/errors";
import { readRawBody } from "@/server/http/read-body";
import type { HandlerContext } from "@/server/http/route";
import { recordRenderDetails } from "@/server/media/render-details";
import { webhookSecret, type Credential } from "@/server/settings/credentials";
import { claimAndSync } from "@/server/sync/ask-heygen";
import { applySignedEvent } from "./apply-signed-event";
import { recordDelivery, recordRefusal } from "./delivery-log";
import { parseHeygenEvent } from "./parse-event";
import {
  readDeliveryHeaders,
  SIGNATURE_TOLERANCE_SECONDS,
  timestampProblem,
  verifySignature,
  type DeliveryHeaders,
} from "./signature";
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
 * app ask HeyGen itself (202). Nothing is acknowledged that was not stored: a database failure is a 503.
 */
export async function receiveHeygenDelivery(request: Request, context: Context): Promise<Response> {
  const headers = readDeliveryHeaders(request.headers);
  const { requestId, note } = context;
  note({ scheme: headers.scheme });
  const refuse = async (error: AppError, eventId = headers.eventId) => {
    await recordRefusal({ requestId, scheme: headers.scheme, eventId, detail: error.message });
    return error;
  };

  if (headers.scheme === "unsigned") {
    const hint = await receiveUnsignedHint(await readRawBody(request, MAX_BODY_BYTES));
    const { event } = hint;
    await recordDelivery({
      requestId,
      scheme: "unsigned",
      outcome: hint.outcome,
      eventType: event.eventType,
      heygenVideoId: event.videoId,
      videoId: hint.videoId,
    });
    note({ outcome: hint.outcome, videoId: hint.videoId });
    if (hint.check) after(hint.check);
    return NextResponse.json({ received: true, outcome: hint.outcome }, { status: 202 });
  }

  // None cached: another instance may have just registered one (a database read only on this refusal path).
  const secret = (await webhookSecret()) ?? (await webhookSecret({ fresh: true }));
  if (!secret) {
    throw await refuse(
      new AppError(
        "webhook_not_configured",
        "This endpoint has no signing secret configured (HEYGEN_SECRET, or Settings → Webhook).",
      ),
    );
  }
  const timestamp = timestampProblem(headers);
  if (timestamp) throw await refuse(new AppError("stale_signature", TIMESTAMP_PROBLEMS[timestamp]));
  const rawBody = await readRawBody(request, MAX_BODY_BYTES);
  if (!verifySignature(rawBody, headers, secret.value) && !(await verifiesWithNewerSecret(rawBody, headers, secret))) {
    throw await refuse(new AppError("invalid_signature", `The ${headers.scheme} signature does not match the body.`));
  }
  return applyVerified(Buffer.from(rawBody).toString("utf8"), headers, context);
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

async function applyVerified(body: string, headers: DeliveryHeaders, { requestId, note }: Context): Promise<Response> {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    await recordRefusal({
      requestId,
      scheme: headers.scheme,
      eventId: headers.eventId,
      detail: "signed, but not JSON",
    });
    throw new AppError("invalid_json", "The body must be JSON.");
  }
  const event = parseHeygenEvent(payload);
  // The body's event_id is signed; the Heygen-Event-Id header is not, so it is only a fallback. Keyed on the
  // header first, a captured delivery replayed with another header (or as a legacy `Signature`) would apply again.
  const result = await applySignedEvent(
    { ...event, eventId: event.eventId ?? headers.eventId },
    { requestId, scheme: headers.scheme, body },
  );
  note({ outcome: result.outcome, eventType: event.eventType, videoId: result.videoId });

  const { videoId, heygenVideoId } = result;
  if (videoId && heygenVideoId) {
    if (result.outcome === "applied" && event.kind === "success") after(() => recordRenderDetails(videoId));
    // A success without a URL: HeyGen's record says what it is (the signed event names its own HeyGen id).
    if (result.outcome === "needs_check") after(() => claimAndSync(videoId, { heygenVideoId }).then(() => {}));
  }
  return NextResponse.json({ received: true, outcome: result.outcome });
}
