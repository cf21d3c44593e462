import { NextResponse } from "next/server";
import { rejectInput } from "@/lib/review";
import { env } from "@/server/env";
import { route } from "@/server/http/route";
import { rejectOrRefuse } from "@/server/review/review-actions";
import { adminVideo } from "@/server/video-lists/admin-video";

// POST /api/admin/videos/[id]/reject { reason } — admin session or bearer token: a ready draft becomes private and its
// plan pair counts as missing again → 200 { video }; 400 naming reason; 404 unknown; 409 not a ready draft
export const POST = route<{ id: string }, typeof rejectInput>(
  { admin: true, bearerToken: () => env.ADMIN_API_TOKEN, body: rejectInput },
  async ({ params, body }) => {
    const rejected = await rejectOrRefuse(params.id, body.reason);
    return NextResponse.json({ video: await adminVideo(rejected.id) });
  },
);
