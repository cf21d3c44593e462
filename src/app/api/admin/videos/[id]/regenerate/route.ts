import { NextResponse } from "next/server";
import { toPublicVideo } from "@/lib/video";
import { idempotencyKeyOf } from "@/server/http/idempotency-key";
import { route } from "@/server/http/route";
import { HTTP_STATUS_OF_OUTCOME } from "@/server/videos/create-video";
import { regenerateVideo } from "@/server/videos/regenerate-video";
import { storedMediaUrls } from "@/server/media/served-media";

// POST /api/admin/videos/[id]/regenerate — admin: a new video with this one's settings, linked to it. Answers as
// POST /api/videos does: 201, 202 when HeyGen's answer was lost, 200 for a repeated Idempotency-Key.
export const POST = route<{ id: string }>({ admin: true }, async ({ request, params }) => {
  const { video, outcome } = await regenerateVideo(params.id, { idempotencyKey: idempotencyKeyOf(request) });
  return NextResponse.json(toPublicVideo(video, { admin: true }, storedMediaUrls(video)), {
    status: HTTP_STATUS_OF_OUTCOME[outcome],
  });
});
