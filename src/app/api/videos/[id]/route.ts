import { NextResponse, type NextRequest } from "next/server";
import { isTerminal } from "@/lib/video";
import { errorJson, errorResponse } from "@/server/http/errors";
import { findPublicVideo } from "@/server/videos/queries";

// GET /api/videos/[id] — public status of one video, polled by the VideoPlayer
export async function GET(_request: NextRequest, { params }: RouteContext<"/api/videos/[id]">) {
  try {
    const { id } = await params;
    const video = await findPublicVideo(id);
    if (!video) return errorJson(404, "not_found", "No video with this id.");
    // A video still rendering changes any second: never cache it. A finished one may be cached briefly.
    const cacheControl = isTerminal(video.status) ? "public, max-age=30" : "no-store";
    return NextResponse.json(video, { headers: { "cache-control": cacheControl } });
  } catch (error) {
    return errorResponse(error);
  }
}
