import { after, NextResponse } from "next/server";
import { isTerminal, toPublicVideo } from "@/lib/video";
import { isAdminRequest } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { route } from "@/server/http/route";
import { staleCheckFor } from "@/server/reconcile/on-read";
import { findVideo } from "@/server/videos/queries";

// GET /api/videos/[id] — one video's status, polled by the VideoPlayer (?fresh: its media URL just failed to play)
export const GET = route<{ id: string }>({}, async ({ request, params, note }) => {
  const video = await findVideo(params.id, { forceFreshMedia: request.nextUrl.searchParams.has("fresh") });
  if (!video) throw new AppError("not_found", "No video with this id.");
  // No news from HeyGen for a while: ask it, after answering (the next poll sees the result).
  const staleCheck = await staleCheckFor(video);
  if (staleCheck) {
    after(staleCheck);
    note({ staleCheck: true });
  }
  const admin = await isAdminRequest(request);
  // A video still rendering changes any second: never cache it. A finished one may be cached briefly, but
  // not what an admin sees (HeyGen's full failure message).
  const cacheControl = admin || !isTerminal(video.status) ? "private, no-store" : "public, max-age=30";
  return NextResponse.json(toPublicVideo(video, { admin }), { headers: { "cache-control": cacheControl } });
});
