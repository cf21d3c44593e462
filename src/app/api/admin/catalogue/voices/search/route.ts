import { NextResponse } from "next/server";
import { searchVoices, voiceSearchInput } from "@/server/catalogue/search-voices";
import { route } from "@/server/http/route";

// POST /api/admin/catalogue/voices/search { prompt, gender?, locale?, seed? } — admin: HeyGen's "describe the voice"
export const POST = route({ admin: true, body: voiceSearchInput }, async ({ body }) => {
  return NextResponse.json(await searchVoices(body), { headers: { "cache-control": "private, no-store" } });
});
