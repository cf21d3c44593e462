import { NextResponse } from "next/server";
import { route } from "@/server/http/route";
import { retryMediaCopy } from "@/server/media/copy/retry-copy";

// POST /api/admin/videos/[id]/media-copy — admin: copy this completed video's media to our storage again (after
// "stored: failed"): 202 { queued: true }; 404 for no such video; 409 when it is not completed or already stored.
export const POST = route<{ id: string }>({ admin: true }, async ({ params }) => {
  await retryMediaCopy(params.id);
  return NextResponse.json({ queued: true }, { status: 202 });
});
