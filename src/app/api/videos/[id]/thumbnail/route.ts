import { NextResponse } from "next/server";
import { route } from "@/server/http/route";
import { freshThumbnail } from "@/server/media/thumbnail";

// GET /api/videos/[id]/thumbnail — 302 to a fresh presigned thumbnail: the og:image of share previews
export const GET = route<{ id: string }>({}, async ({ params }) => {
  const { url, maxAgeSeconds } = await freshThumbnail(params.id);
  const cacheControl = maxAgeSeconds > 0 ? `public, max-age=${maxAgeSeconds}` : "no-store";
  return NextResponse.redirect(url, { status: 302, headers: { "cache-control": cacheControl } });
});
