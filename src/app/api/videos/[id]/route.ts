import { NextResponse } from "next/server";
import { isTerminal } from "@/lib/video";
import { AppError } from "@/server/errors";
import { route } from "@/server/http/route";
import { findPublicVideo } from "@/server/videos/queries";

// GET /api/videos/[id] — public status of one video, polled by the VideoPlayer
export const GET = route<{ id: string }>({}, async ({ params }) => {
  const video = await findPublicVideo(params.id);
  if (!video) throw new AppError("not_found", "No video with this id.");
  // A video still rendering changes any second: never cache it. A finished one may be cached briefly.
  const cacheControl = isTerminal(video.status) ? "public, max-age=30" : "no-store";
  return NextResponse.json(video, { headers: { "cache-control": cacheControl } });
});
