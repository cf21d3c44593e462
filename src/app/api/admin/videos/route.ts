import { NextResponse } from "next/server";
import { route } from "@/server/http/route";
import { adminVideosPage, readVideoListQuery } from "@/server/video-lists/admin-videos";

// GET /api/admin/videos?status=&q=&cursor= — admin: every video, filtered, newest first, a page at a time
export const GET = route({ admin: true }, async ({ request }) => {
  const page = await adminVideosPage(readVideoListQuery(request.nextUrl.searchParams));
  return NextResponse.json(page, { headers: { "cache-control": "private, no-store" } });
});
