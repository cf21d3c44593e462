import { NextResponse } from "next/server";
import { toPublicVideo } from "@/lib/video";
import { createVideoInput } from "@/lib/video-input";
import { isAdminRequest } from "@/server/auth/session";
import { route } from "@/server/http/route";
import { createVideo } from "@/server/videos/create-video";
import { listVideos } from "@/server/videos/queries";

// GET /api/videos — completed videos for everyone, every video for an admin
export const GET = route({}, async ({ request }) => {
  const videos = await listVideos({ includeUnfinished: await isAdminRequest(request) });
  return NextResponse.json({ videos }, { headers: { "cache-control": "no-store" } });
});

// POST /api/videos — admin: record a video and ask HeyGen to render it (202 when HeyGen's answer was lost)
export const POST = route({ admin: true, body: createVideoInput }, async ({ body }) => {
  const { video, outcome } = await createVideo(body);
  return NextResponse.json(toPublicVideo(video), { status: outcome === "created" ? 201 : 202 });
});
