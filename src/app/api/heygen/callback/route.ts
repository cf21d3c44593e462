import { NextResponse } from "next/server";
import { route } from "@/server/http/route";
import { receiveHeygenDelivery } from "@/server/webhooks/receive-delivery";

// POST /api/heygen/callback — HeyGen video events: signed ones (v3 or legacy) applied, unsigned ones checked with HeyGen
export const POST = route({ allowCrossOrigin: true }, ({ request, requestId, note }) =>
  receiveHeygenDelivery(request, { requestId, note }),
);

// HeyGen checks a webhook URL with a 1-second OPTIONS request before registering it.
export function OPTIONS() {
  return new NextResponse(null, { status: 200, headers: { allow: "OPTIONS, GET, POST" } });
}

// GET /api/heygen/callback — lets a person (or a health check) see the endpoint is up
export function GET() {
  return NextResponse.json({ ok: true });
}
