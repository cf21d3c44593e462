import { NextResponse } from "next/server";
import { findLooks } from "@/server/catalogue/find-looks";
import { route } from "@/server/http/route";

// GET /api/admin/catalogue/looks?q=&gender=&orientation=&ownership=&group=&cursor=&limit= — admin: one page of looks
export const GET = route({ admin: true }, async ({ request }) => {
  const page = await findLooks(request.nextUrl.searchParams);
  return NextResponse.json(page, { headers: { "cache-control": "private, no-store" } });
});
