import { NextResponse } from "next/server";
import { route } from "@/server/http/route";
import { planMatrix, readMatrixMonth } from "@/server/plan/plan-matrix";

// GET /api/admin/plan/matrix?month=YYYY-MM — admin: every (script, presenter) pair of the month and where it stands
export const GET = route({ admin: true }, async ({ request }) =>
  NextResponse.json(await planMatrix(readMatrixMonth(request.nextUrl.searchParams)), {
    headers: { "cache-control": "private, no-store" },
  }),
);
