import { NextResponse } from "next/server";
import { env } from "@/server/env";
import { route } from "@/server/http/route";
import { readReviewCursor, reviewQueue } from "@/server/review/review-queue";

// GET /api/admin/review?cursor= — admin session or bearer token: the drafts awaiting review, oldest plan date first
// (then those with none, oldest first), 50 a page, with their count and what approving each would do
export const GET = route({ admin: true, bearerToken: () => env.ADMIN_API_TOKEN }, async ({ request }) => {
  const page = await reviewQueue(readReviewCursor(request.nextUrl.searchParams.get("cursor")));
  return NextResponse.json(page, { headers: { "cache-control": "private, no-store" } });
});
