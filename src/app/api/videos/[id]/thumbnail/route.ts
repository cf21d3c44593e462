import { NextResponse } from "next/server";
import { publicOrigin } from "@/server/http/public-origin";
import { route } from "@/server/http/route";
import { thumbnailRedirect } from "@/server/media/thumbnail";
import { findVideo } from "@/server/watch/find-video";

// GET /api/videos/[id]/thumbnail — 302 to the thumbnail (our stored copy, else a fresh presigned one): older share
// previews' og:image
export const GET = route<{ id: string }>({}, async ({ params }) => {
  const { url, cacheControl } = thumbnailRedirect(await findVideo(params.id), publicOrigin());
  return NextResponse.redirect(url, { status: 302, headers: { "cache-control": cacheControl } });
});
