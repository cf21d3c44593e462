import { NextResponse } from "next/server";
import { route } from "@/server/http/route";
import { thumbnailRedirect } from "@/server/media/thumbnail";
import { findVideo } from "@/server/watch/find-video";

// GET /api/videos/[id]/thumbnail — 302 to a fresh presigned thumbnail: the og:image of share previews
export const GET = route<{ id: string }>({}, async ({ params }) => {
  const { url, cacheControl } = thumbnailRedirect(await findVideo(params.id));
  return NextResponse.redirect(url, { status: 302, headers: { "cache-control": cacheControl } });
});
