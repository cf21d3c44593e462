import { NextResponse } from "next/server";
import { env } from "@/server/env";
import { route } from "@/server/http/route";
import { translationLanguages } from "@/server/translations/heygen-languages";

// GET /api/admin/translations/languages[?reload=1] — admin: HeyGen's output languages with their BCP 47 tags
// (TranslationLanguages), cached 5 minutes per process; reload=1 asks HeyGen afresh
export const GET = route({ admin: true, bearerToken: () => env.ADMIN_API_TOKEN }, async ({ request }) => {
  const reload = request.nextUrl.searchParams.get("reload") === "1";
  return NextResponse.json(await translationLanguages({ reload }), {
    headers: { "cache-control": "private, no-store" },
  });
});
