import { NextResponse } from "next/server";
import { pendingVideos } from "@/server/pending/pending-videos";
import { route } from "@/server/http/route";

// GET /api/admin/pending — admin: every video in flight, oldest first, with its age, last news and overdue flag
export const GET = route({ admin: true }, async () =>
  NextResponse.json(await pendingVideos(), { headers: { "cache-control": "private, no-store" } }),
);
