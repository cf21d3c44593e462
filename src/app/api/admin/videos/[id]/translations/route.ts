import { NextResponse } from "next/server";
import { translationRequestInput } from "@/lib/translations";
import { env } from "@/server/env";
import { route } from "@/server/http/route";
import { listTranslations, requestTranslations } from "@/server/translations/request-translations";

const bearerToken = () => env.ADMIN_API_TOKEN;

// GET /api/admin/videos/[id]/translations — admin: the video's translations (TranslationList); 404 for no such video
export const GET = route<{ id: string }>({ admin: true, bearerToken }, async ({ params }) =>
  NextResponse.json(await listTranslations(params.id), { headers: { "cache-control": "private, no-store" } }),
);

// POST /api/admin/videos/[id]/translations {languages, mode?, captions?} — admin: translate a completed video; 201
// when something was created, 200 when every language was already live (TranslationRequestResult); 400 naming the
// field, 404 for no such video, 409 when it is not a completed source; HeyGen's refusals as a create's (402, 429).
export const POST = route<{ id: string }, typeof translationRequestInput>(
  { admin: true, bearerToken, body: translationRequestInput },
  async ({ params, body }) => {
    const result = await requestTranslations(params.id, body);
    return NextResponse.json(result, { status: result.created.length > 0 ? 201 : 200 });
  },
);
