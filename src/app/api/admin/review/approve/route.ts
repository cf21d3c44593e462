import { NextResponse } from "next/server";
import { bulkApproveInput } from "@/lib/review";
import { env } from "@/server/env";
import { route } from "@/server/http/route";
import { approveMany } from "@/server/review/review-actions";

// POST /api/admin/review/approve { ids } — admin session or bearer token: approves each ready draft named (each once)
// → 200 { approved: [{ id, publishAt }], skipped: [{ id, reason }] }
export const POST = route(
  { admin: true, bearerToken: () => env.ADMIN_API_TOKEN, body: bulkApproveInput },
  async ({ body, note }) => {
    const result = await approveMany(body.ids);
    note({ approved: result.approved.length, skipped: result.skipped.length });
    return NextResponse.json(result);
  },
);
