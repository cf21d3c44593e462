import { NextResponse, type NextRequest } from "next/server";
import { toPublicVideo } from "@/lib/video";
import { createVideoInput } from "@/lib/video-input";
import { isAdminRequest } from "@/server/auth/session";
import { requireAdmin } from "@/server/auth/require-admin";
import { errorResponse, readJsonBody } from "@/server/http/errors";
import { createVideo } from "@/server/videos/create-video";
import { listVideos } from "@/server/videos/queries";

// GET /api/videos — completed videos for everyone, every video for an admin
export async function GET(request: NextRequest) {
  try {
    const admin = await isAdminRequest(request);
    const videos = await listVideos({ includeUnfinished: admin });
    return NextResponse.json({ videos }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

// POST /api/videos — admin: record a video and ask HeyGen to render it
export async function POST(request: NextRequest) {
  try {
    await requireAdmin(request);
    const input = await readJsonBody(request, createVideoInput);
    const video = await createVideo(input);
    return NextResponse.json(toPublicVideo(video), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
