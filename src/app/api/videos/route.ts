import { NextResponse } from "next/server";
import { createVideoInput } from "@/lib/video-input";
import { isAdminRequest } from "@/server/auth/session";
import { idempotencyKeyOf } from "@/server/http/idempotency-key";
import { route } from "@/server/http/route";
import { storedMediaUrls } from "@/server/media/served-media";
import { latestVideos } from "@/server/video-lists/latest-videos";
import { createAnswer, createVideo, HTTP_STATUS_OF_OUTCOME } from "@/server/videos/create-video";

// GET /api/videos — completed, listed videos for everyone (public and published), every video for an admin
export const GET = route({}, async ({ request }) => {
  const videos = await latestVideos({ includeUnfinished: await isAdminRequest(request) });
  return NextResponse.json({ videos }, { headers: { "cache-control": "no-store" } });
});

// POST /api/videos — admin: record a video and ask HeyGen to render it. 202 when HeyGen's answer was lost;
// 200 with the first video when the Idempotency-Key was seen before.
export const POST = route({ admin: true, body: createVideoInput }, async ({ request, body }) => {
  const result = await createVideo(body, { idempotencyKey: idempotencyKeyOf(request) });
  return NextResponse.json(createAnswer(result, storedMediaUrls(result.video)), {
    status: HTTP_STATUS_OF_OUTCOME[result.outcome],
  });
});
