import { NextResponse } from "next/server";
import { findVoices } from "@/server/catalogue/find-voices";
import { route } from "@/server/http/route";

// GET /api/admin/catalogue/voices?q=&language=&gender=&cursor=&limit= — admin: one page of voices
export const GET = route({ admin: true }, async ({ request }) => {
  const page = await findVoices(request.nextUrl.searchParams);
  return NextResponse.json(page, { headers: { "cache-control": "private, no-store" } });
});
