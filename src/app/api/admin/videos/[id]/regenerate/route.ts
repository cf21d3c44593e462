import { NextResponse } from "next/server";
import { toPublicVideo } from "@/lib/video";
import { idempotencyKeyOf } from "@/server/http/idempotency-key";
import { route } from "@/server/http/route";
import { regenerateVideo } from "@/server/videos/regenerate-video";

const STATUS_OF_OUTCOME = { created: 201, unconfirmed: 202, repeat: 200 } as const;

// POST /api/admin/videos/[id]/regenerate — admin: a new video with this one's settings, linked to it. Answers as
// POST /api/videos does: 201, 202 when HeyGen's answer was lost, 200 for a repeated Idempotency-Key.
export const POST = route<{ id: string }>({ admin: true }, async ({ request, params }) => {
  const { video, outcome } = await regenerateVideo(params.id, { idempotencyKey: idempotencyKeyOf(request) });
  return NextResponse.json(toPublicVideo(video, { admin: true }), { status: STATUS_OF_OUTCOME[outcome] });
});
