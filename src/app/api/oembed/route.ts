import { NextResponse } from "next/server";
import { isAdminRequest } from "@/server/auth/session";
import { publicOrigin } from "@/server/http/public-origin";
import { route } from "@/server/http/route";
import { oEmbedFor, readOEmbedQuery } from "@/server/share/oembed";

// GET /api/oembed?url=<watch page>[&maxwidth=&maxheight=&format=json] — the oEmbed answer for a finished video.
// Public: consumers fetch it from their servers or, cross-origin, from their pages.
export const GET = route({}, async ({ request }) => {
  const origin = publicOrigin();
  const admin = () => isAdminRequest(request);
  const { body, cacheControl } = await oEmbedFor(readOEmbedQuery(request.nextUrl.searchParams, origin), origin, admin);
  return NextResponse.json(body, { headers: { "cache-control": cacheControl, "access-control-allow-origin": "*" } });
});
