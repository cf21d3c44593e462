import { NextResponse } from "next/server";
import { AppError } from "@/server/errors";
import { route } from "@/server/http/route";
import { deleteVideoAndMedia } from "@/server/media/delete-video-and-media";
import { visibilityPatch } from "@/lib/publish-input";
import { adminVideo, adminVideoDetail } from "@/server/video-lists/admin-video";
import { patchVisibility } from "@/server/videos/patch-visibility";

// GET /api/admin/videos/[id] — admin: one video with its settings, versions and HeyGen's deliveries about it
export const GET = route<{ id: string }>({ admin: true }, async ({ params }) => {
  const detail = await adminVideoDetail(params.id);
  if (!detail) throw new AppError("not_found", "No video with this id.");
  return NextResponse.json(detail, { headers: { "cache-control": "private, no-store" } });
});

// PATCH /api/admin/videos/[id] — admin: its visibility and publish moment ({visibility?, publishAt?}; null clears it)
export const PATCH = route<{ id: string }, typeof visibilityPatch>(
  { admin: true, body: visibilityPatch },
  async ({ params, body }) => {
    const changed = await patchVisibility(params.id, body);
    if (!changed) throw new AppError("not_found", "No video with this id.");
    return NextResponse.json(await adminVideo(changed.id), { headers: { "cache-control": "private, no-store" } });
  },
);

// DELETE /api/admin/videos/[id]?heygen=true — admin: the video and its stored media leave the app; with heygen=true,
// HeyGen deletes it first
export const DELETE = route<{ id: string }>({ admin: true }, async ({ request, params, note }) => {
  const result = await deleteVideoAndMedia(params.id, {
    atHeygen: readFlag(request.nextUrl.searchParams.get("heygen")),
  });
  note({ heygen: result.heygen });
  return NextResponse.json(result);
});

function readFlag(raw: string | null): boolean {
  if (raw === null || raw === "false") return false;
  if (raw === "true") return true;
  throw new AppError("invalid_input", "heygen must be true or false.", { field: "heygen" });
}
