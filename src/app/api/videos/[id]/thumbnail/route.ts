import { NextResponse } from "next/server";
import { isAdminRequest } from "@/server/auth/session";
import { publicOrigin } from "@/server/http/public-origin";
import { route } from "@/server/http/route";
import { thumbnailRedirect } from "@/server/media/thumbnail";
import { findVideo } from "@/server/watch/find-video";
import { cacheControlFor } from "@/server/watch/viewer-gate";

// GET /api/videos/[id]/thumbnail — 302 to the thumbnail (our stored copy, else a fresh presigned one): older share
// previews' og:image
export const GET = route<{ id: string }>({}, async ({ request, params }) => {
  const video = await findVideo(params.id, { admin: () => isAdminRequest(request) });
  const { url, cacheControl } = thumbnailRedirect(video, publicOrigin());
  return NextResponse.redirect(url, {
    status: 302,
    headers: { "cache-control": video ? cacheControlFor(video, cacheControl) : cacheControl },
  });
});
