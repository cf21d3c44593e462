import { NextResponse } from "next/server";
import { publicVideoCacheControl } from "@/server/http/public-cache";
import { publicOrigin } from "@/server/http/public-origin";
import { route } from "@/server/http/route";
import { oEmbedFor, readOEmbedQuery } from "@/server/share/oembed";

// GET /api/oembed?url=<watch page>[&maxwidth=&maxheight=&format=json] — the oEmbed answer for a finished video.
// Public: consumers fetch it from their servers or, cross-origin, from their pages.
export const GET = route({}, async ({ request }) => {
  const origin = publicOrigin();
  const answer = await oEmbedFor(readOEmbedQuery(request.nextUrl.searchParams, origin), origin);
  return NextResponse.json(answer, {
    headers: { "cache-control": publicVideoCacheControl(), "access-control-allow-origin": "*" },
  });
});
