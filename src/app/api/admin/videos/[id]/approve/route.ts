import { NextResponse } from "next/server";
import { env } from "@/server/env";
import { route } from "@/server/http/route";
import { approveOrRefuse } from "@/server/review/review-actions";
import { adminVideo } from "@/server/video-lists/admin-video";

// POST /api/admin/videos/[id]/approve — admin session or bearer token: a ready draft becomes public at its plan
// moment (or now) → 200 { video }; 404 unknown; 409 not a ready draft (decided already, rendering, failed)
export const POST = route<{ id: string }>(
  { admin: true, bearerToken: () => env.ADMIN_API_TOKEN },
  async ({ params }) => {
    const approved = await approveOrRefuse(params.id);
    return NextResponse.json({ video: await adminVideo(approved.id) });
  },
);
