import { isAdminRequest } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { publicVideoCacheControl } from "@/server/http/public-cache";
import { route } from "@/server/http/route";
import { captionCues } from "@/server/media/captions";
import { findVideo } from "@/server/watch/find-video";
import { cacheControlFor } from "@/server/watch/viewer-gate";

// GET /api/videos/[id]/captions/cues — the same captions as timed lines ({ start, end, text }, seconds), for the watch
// page's transcript. Cached like the captions themselves.
export const GET = route<{ id: string }>({}, async ({ request, params }) => {
  const video = await findVideo(params.id, { admin: () => isAdminRequest(request) });
  if (!video) throw new AppError("not_found", "No video with this id.");
  return Response.json(await captionCues(video), {
    headers: { "cache-control": cacheControlFor(video, publicVideoCacheControl()) },
  });
});
