import { AppError } from "@/server/errors";
import { publicVideoCacheControl } from "@/server/http/public-cache";
import { route } from "@/server/http/route";
import { captionCues } from "@/server/media/captions";
import { findVideo } from "@/server/watch/find-video";

// GET /api/videos/[id]/captions/cues — the same captions as timed lines ({ start, end, text }, seconds), for the watch
// page's transcript. Cached like the captions themselves.
export const GET = route<{ id: string }>({}, async ({ params }) => {
  const video = await findVideo(params.id);
  if (!video) throw new AppError("not_found", "No video with this id.");
  return Response.json(await captionCues(video), { headers: { "cache-control": publicVideoCacheControl() } });
});
