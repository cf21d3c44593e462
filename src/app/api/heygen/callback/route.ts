import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/server/env";
import { verifyHeygenSignature } from "@/server/heygen/signature";
import { parseHeygenEvent } from "@/server/heygen/webhook-event";
import { errorJson, errorResponse } from "@/server/http/errors";
import { readRawBody } from "@/server/http/read-body";
import { applyHeygenEvent } from "@/server/videos/apply-heygen-event";

const MAX_BODY_BYTES = 64 * 1024;

// POST /api/heygen/callback — HeyGen video events, HMAC-verified over the raw body
export async function POST(request: NextRequest) {
  try {
    if (!env.HEYGEN_SECRET) {
      console.error("[heygen-webhook] HEYGEN_SECRET is not set: refusing every event until it is configured");
      return errorJson(503, "webhook_not_configured", "This endpoint has no signing secret configured.");
    }
    const signature = request.headers.get("signature");
    if (!signature) return errorJson(401, "missing_signature", "The signature header is required.");

    const rawBody = await readRawBody(request, MAX_BODY_BYTES);
    if (!verifyHeygenSignature(rawBody, signature, env.HEYGEN_SECRET)) {
      console.warn("[heygen-webhook] refused an event with a bad signature");
      return errorJson(401, "invalid_signature", "The signature does not match the body.");
    }

    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(rawBody).toString("utf8"));
    } catch {
      return errorJson(400, "invalid_json", "The body must be JSON.");
    }

    const event = parseHeygenEvent(payload);
    const outcome = await applyHeygenEvent(event);
    const subject = event.kind === "ignored" ? event.eventType : `${event.kind} ${event.videoId}`;
    console.info(`[heygen-webhook] ${subject}: ${outcome}`);
    return NextResponse.json({ received: true, outcome });
  } catch (error) {
    return errorResponse(error);
  }
}

// HeyGen checks a webhook URL with a 1-second OPTIONS request before registering it.
export function OPTIONS() {
  return new NextResponse(null, { status: 200, headers: { allow: "OPTIONS, GET, POST" } });
}

// GET /api/heygen/callback — lets a person (or a health check) see the endpoint is up
export function GET() {
  return NextResponse.json({ ok: true });
}
